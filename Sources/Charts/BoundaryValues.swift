/// What a 2-D classifier predicts over a grid laid on the plane, row by row from the bottom.
public enum BoundaryValues: Sendable, Equatable {
  /// The predicted class index in each cell, `[row][column]`, row 0 at the lowest y.
  case classes([[Int]])
  /// The predicted probability of class 1 in each cell (a binary classifier), `[row][column]`,
  /// row 0 at the lowest y.
  case probabilities([[Double]])

  /// The number of rows and of columns (the longest row); zero when there is no value.
  package var size: (rows: Int, columns: Int) {
    switch self {
    case .classes(let grid): (grid.count, grid.map(\.count).max() ?? 0)
    case .probabilities(let grid): (grid.count, grid.map(\.count).max() ?? 0)
    }
  }

  /// The number of classes the values name: at least two for probabilities.
  package var classCount: Int {
    switch self {
    case .classes(let grid): (grid.joined().max() ?? -1) + 1
    case .probabilities: 2
    }
  }

  /// The value of the cell under the point `across` and `up` the grid (fractions 0...1): a class
  /// index or a probability; nil for a missing cell, a negative class or a NaN. Each row is
  /// divided by its own length, so ragged rows still cover the width.
  package func value(across: Double, up: Double) -> Region? {
    let rows = rowCount
    guard rows > 0 else { return nil }
    let row = min(rows - 1, max(0, Int(up * Double(rows))))
    let columns = columnCount(row: row)
    guard columns > 0 else { return nil }
    return value(row: row, column: min(columns - 1, max(0, Int(across * Double(columns)))))
  }

  private var rowCount: Int {
    switch self {
    case .classes(let grid): grid.count
    case .probabilities(let grid): grid.count
    }
  }

  private func columnCount(row: Int) -> Int {
    switch self {
    case .classes(let grid): grid[row].count
    case .probabilities(let grid): grid[row].count
    }
  }

  /// The value of the cell at (`row`, `column`), or nil for a missing cell, a negative class or a
  /// probability that is not a number.
  package func value(row: Int, column: Int) -> Region? {
    switch self {
    case .classes(let grid):
      guard row < grid.count, column < grid[row].count, grid[row][column] >= 0 else { return nil }
      return .predicted(grid[row][column])
    case .probabilities(let grid):
      guard row < grid.count, column < grid[row].count, !grid[row][column].isNaN else {
        return nil
      }
      return .probability(min(1, max(0, grid[row][column])))
    }
  }

  /// The prediction over one cell of the plane.
  package enum Region: Equatable {
    /// A predicted class index.
    case predicted(Int)
    /// The probability of class 1, 0...1.
    case probability(Double)
  }
}
