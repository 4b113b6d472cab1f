/// The product with a transposed right operand and few rows, `x · Wᵀ` for a dense layer's
/// forward pass on a small batch: W is stored [out, in], so the eight values of c's row that a
/// vector holds come from eight rows of W, one column apart.
///
/// Rather than copy Wᵀ out (as the packed path does, for every call, and wasting most of a
/// 6-row tile on a batch of one), this reads W once: eight rows × eight columns are loaded as
/// eight vectors and transposed in registers, and each of c's rows takes the eight columns in
/// order, one fused multiply-add per step of the inner dimension, as `multiplyMatrices` promises.

/// Columns `columns` of `c = op(a) · bᵀ + (accumulate ? c : 0)`, where b is stored as n × k rows
/// (`b.transposed`) and c has n columns.
func multiplyByTransposedRows(
  _ a: MatrixOperand, _ b: MatrixOperand, into c: UnsafeMutablePointer<Float>, accumulate: Bool,
  columns: Range<Int>
) {
  let (m, n) = (a.usedRows, b.usedColumns)
  var row = 0
  while row < m {
    let rows = min(4, m - row)
    let block = RowBlock(a: a, firstRow: row, c: c + row * n, rowLength: n, accumulate: accumulate)
    // Each count is a type, so each gets its own specialised loop without the unused
    // accumulators.
    switch rows {
    case 4: block.multiply(FourRows.self, b, columns: columns)
    case 3: block.multiply(ThreeRows.self, b, columns: columns)
    case 2: block.multiply(TwoRows.self, b, columns: columns)
    default: block.multiply(OneRow.self, b, columns: columns)
    }
    row += rows
  }
}

/// A number of rows known from a type: a generic function specialised for each count compiles
/// to a loop with that many accumulators and no tests of the count.
private protocol RowCount {
  static var count: Int { get }
}
private enum OneRow: RowCount { static var count: Int { 1 } }
private enum TwoRows: RowCount { static var count: Int { 2 } }
private enum ThreeRows: RowCount { static var count: Int { 3 } }
private enum FourRows: RowCount { static var count: Int { 4 } }

/// Up to four rows of op(a) and the rows of c they produce.
private struct RowBlock {
  let a: MatrixOperand
  let firstRow: Int
  let c: UnsafeMutablePointer<Float>
  let rowLength: Int
  let accumulate: Bool

  /// Computes `Rows.count` rows of c over `columns`, eight columns (eight rows of stored b) at a
  /// time.
  func multiply<Rows: RowCount>(_: Rows.Type, _ b: MatrixOperand, columns: Range<Int>) {
    let rows = Rows.count
    let k = a.usedColumns
    let (rowStep, columnStep) = a.steps
    let aRow = a.base + firstRow * rowStep
    @inline(__always) func aElement(_ r: Int, _ p: Int) -> Vector {
      Vector(repeating: aRow[r * rowStep + p * columnStep])
    }
    for first in stride(from: columns.lowerBound, to: columns.upperBound, by: 8) {
      let width = min(8, columns.upperBound - first)
      // Rows of stored b past the last column repeat it; their lanes are never stored.
      @inline(__always) func bRow(_ q: Int) -> UnsafePointer<Float> {
        b.base + (first + min(q, width - 1)) * k
      }
      let (b0, b1, b2, b3, b4, b5, b6, b7) = (
        bRow(0), bRow(1), bRow(2), bRow(3), bRow(4), bRow(5), bRow(6), bRow(7)
      )
      @inline(__always) func start(_ r: Int) -> Vector {
        guard accumulate, r < rows else { return Vector() }
        let target = UnsafePointer(c + r * rowLength + first)
        return width == 8 ? target.vector(at: 0) : target.partialVector(at: 0, count: width)
      }
      var c0 = start(0)
      var c1 = start(1)
      var c2 = start(2)
      var c3 = start(3)
      @inline(__always) func add(_ column: Vector, at p: Int) {
        c0 = c0.addingProduct(aElement(0, p), column)
        if rows > 1 { c1 = c1.addingProduct(aElement(1, p), column) }
        if rows > 2 { c2 = c2.addingProduct(aElement(2, p), column) }
        if rows > 3 { c3 = c3.addingProduct(aElement(3, p), column) }
      }
      var p = 0
      while p + 8 <= k {
        let t = transposed(
          b0.vector(at: p), b1.vector(at: p), b2.vector(at: p), b3.vector(at: p),
          b4.vector(at: p), b5.vector(at: p), b6.vector(at: p), b7.vector(at: p))
        add(t.0, at: p)
        add(t.1, at: p + 1)
        add(t.2, at: p + 2)
        add(t.3, at: p + 3)
        add(t.4, at: p + 4)
        add(t.5, at: p + 5)
        add(t.6, at: p + 6)
        add(t.7, at: p + 7)
        p += 8
      }
      while p < k {
        add(Vector(b0[p], b1[p], b2[p], b3[p], b4[p], b5[p], b6[p], b7[p]), at: p)
        p += 1
      }
      @inline(__always) func store(_ total: Vector, _ r: Int) {
        let target = c + r * rowLength + first
        if width == 8 {
          target.store(total, at: 0)
        } else {
          target.storePartial(total, at: 0, count: width)
        }
      }
      store(c0, 0)
      if rows > 1 { store(c1, 1) }
      if rows > 2 { store(c2, 2) }
      if rows > 3 { store(c3, 3) }
    }
  }
}
