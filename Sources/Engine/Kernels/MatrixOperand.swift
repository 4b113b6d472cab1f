/// A matrix operand of `multiplyMatrices`: row-major rows × columns as stored, and whether the
/// product uses its transpose.
package struct MatrixOperand {
  /// The first value; the matrix is `rows × columns` values from here, row-major.
  package let base: UnsafePointer<Float>
  /// The number of rows as stored.
  package let rows: Int
  /// The number of columns as stored.
  package let columns: Int
  /// Whether the product uses the transpose of the stored matrix.
  package let transposed: Bool

  /// An operand of `rows × columns` values at `base`, used transposed if `transposed`.
  package init(base: UnsafePointer<Float>, rows: Int, columns: Int, transposed: Bool) {
    self.base = base
    self.rows = rows
    self.columns = columns
    self.transposed = transposed
  }

  /// The rows of the matrix the product uses (after transposing, if asked).
  package var usedRows: Int { transposed ? columns : rows }
  /// The columns of the matrix the product uses (after transposing, if asked).
  package var usedColumns: Int { transposed ? rows : columns }

  /// The same stored matrix, used transposed.
  package var transposedOperand: MatrixOperand {
    MatrixOperand(base: base, rows: rows, columns: columns, transposed: !transposed)
  }

  /// The distances in memory between neighbours in a row and in a column of the used matrix:
  /// element (i, j) is at `base + i · rowStep + j · columnStep`.
  var steps: (rowStep: Int, columnStep: Int) { transposed ? (1, columns) : (columns, 1) }

  /// The element at `row`, `column` of the matrix the product uses.
  @inline(__always) func element(_ row: Int, _ column: Int) -> Float {
    transposed ? base[column * columns + row] : base[row * columns + column]
  }
}
