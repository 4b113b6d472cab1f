import Engine

/// A batch of samples flowing through a model: a row-major matrix, one row per sample.
///
/// Sample `i`, feature `j` is `values[i * columns + j]`. A matrix is the value a model's user
/// hands in and gets back (the values are an array, so passing one around copies nothing until
/// someone writes to it); inside, layers work on the engine's `Tensor`s.
public struct Matrix: Sendable, Equatable {
  /// The number of rows (samples in the batch).
  public var rows: Int
  /// The number of columns (features per sample).
  public var columns: Int
  /// The values, row-major.
  public var values: [Float]

  /// Creates a matrix from row-major values; `values` must hold `rows × columns` numbers.
  public init(rows: Int, columns: Int, values: [Float]) {
    precondition(
      values.count == rows * columns,
      "a \(rows)×\(columns) matrix needs \(rows * columns) values, got \(values.count)")
    self.rows = rows
    self.columns = columns
    self.values = values
  }

  /// Creates a matrix of zeros.
  public init(zerosWithRows rows: Int, columns: Int) {
    self.init(rows: rows, columns: columns, values: [Float](repeating: 0, count: rows * columns))
  }

  /// The value at `row`, `column`.
  public subscript(row: Int, column: Int) -> Float {
    get { values[row * columns + column] }
    set { values[row * columns + column] = newValue }
  }
}

extension Matrix {
  /// The matrix as a `[rows, columns]` tensor outside any graph (a copy of the values).
  public var tensor: Tensor {
    Tensor(shape: Shape(rows: rows, columns: columns), storage: .copying(values))
  }

  /// The values of a rank-2 tensor as a matrix.
  init(_ tensor: Tensor) {
    precondition(tensor.shape.rank == 2, "a matrix needs a rank-2 tensor, not \(tensor.shape)")
    self.init(rows: tensor.shape[0], columns: tensor.shape[1], values: tensor.values)
  }
}
