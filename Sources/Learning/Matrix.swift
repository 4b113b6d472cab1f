/// A batch of samples flowing through a model: a row-major matrix, one row per sample.
///
/// Sample `i`, feature `j` is `values[i * columns + j]`. Layers take and return matrices; the
/// values are an array, so passing a matrix around copies nothing until someone writes to it.
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
