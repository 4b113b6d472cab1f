import COpenBLAS

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
}

/// Below this many multiply-adds, the register-blocked loops below beat OpenBLAS, whose fixed
/// cost per call (argument checks, buffer allocation under a lock, waking its threads) is about
/// 0.3 µs (measured: a 2-16-16-1 network's products, 32×16×16 at most, all run faster here).
private let blasThreshold = 32 * 32 * 32

/// `c = op(a) · op(b) + (accumulate ? c : 0)` where op transposes when the operand says so.
///
/// Large products go to OpenBLAS's `cblas_sgemm` (at the machine's peak). Small ones, as in the
/// networks learners train, run here without a call's fixed cost: when the result has eight or
/// more columns, tiles of 4 rows × 16 columns keep eight vector accumulators in registers while
/// the inner dimension runs (`multiplyByRows`); when it has fewer columns but eight or more rows,
/// the same loops compute the transpose, op(b)ᵀ · op(a)ᵀ, and it is written back transposed; a
/// product under 8 × 8 is a plain triple loop. Each result element adds its k products in order.
package func multiplyMatrices(
  _ a: MatrixOperand, _ b: MatrixOperand, into c: UnsafeMutablePointer<Float>, accumulate: Bool
) {
  let m = a.usedRows
  let k = a.usedColumns
  let n = b.usedColumns
  precondition(k == b.usedRows, "matrix operands must agree in their inner dimension")
  if m * n * k >= blasThreshold {
    cblas_sgemm(
      CblasRowMajor, a.transposed ? CblasTrans : CblasNoTrans,
      b.transposed ? CblasTrans : CblasNoTrans, Int32(m), Int32(n), Int32(k), 1,
      a.base, Int32(a.columns), b.base, Int32(b.columns), accumulate ? 1 : 0, c, Int32(n))
    return
  }
  guard m > 0, n > 0 else { return }
  guard k > 0 else {
    if !accumulate { c.update(repeating: 0, count: m * n) }
    return
  }
  if n >= 8 {
    multiplyByRows(a, b, into: c, accumulate: accumulate)
  } else if m >= 8 {
    withUnsafeTemporaryAllocation(of: Float.self, capacity: n * m) { scratch in
      guard let transposed = scratch.baseAddress else { return }
      multiplyByRows(b.transposedOperand, a.transposedOperand, into: transposed, accumulate: false)
      transposeMatrices(1, n, m, transposed, into: c, adding: accumulate)
    }
  } else {
    for i in 0..<m {
      for j in 0..<n {
        var total = accumulate ? c[i * n + j] : 0
        for p in 0..<k { total = total.addingProduct(a.element(i, p), b.element(p, j)) }
        c[i * n + j] = total
      }
    }
  }
}

extension MatrixOperand {
  /// The element at `row`, `column` of the matrix the product uses.
  @inline(__always) func element(_ row: Int, _ column: Int) -> Float {
    transposed ? base[column * columns + row] : base[row * columns + column]
  }

  /// The same stored matrix, used transposed.
  package var transposedOperand: MatrixOperand {
    MatrixOperand(base: base, rows: rows, columns: columns, transposed: !transposed)
  }
}

/// `c = op(a) · op(b) + (accumulate ? c : 0)` for a small product, vectorised along the rows of
/// c (`n` columns).
///
/// The rows of op(b) must be contiguous, so a transposed `b` is first copied out transposed.
private func multiplyByRows(
  _ a: MatrixOperand, _ b: MatrixOperand, into c: UnsafeMutablePointer<Float>, accumulate: Bool
) {
  let (m, k, n) = (a.usedRows, a.usedColumns, b.usedColumns)
  guard b.transposed else {
    addProduct(a, b.base, m: m, n: n, k: k, into: c, accumulate: accumulate)
    return
  }
  withUnsafeTemporaryAllocation(of: Float.self, capacity: k * n) { scratch in
    guard let contiguous = scratch.baseAddress else { return }
    transposeMatrices(1, n, k, b.base, into: contiguous, adding: false)
    addProduct(a, UnsafePointer(contiguous), m: m, n: n, k: k, into: c, accumulate: accumulate)
  }
}

/// `c = op(a) · b + (accumulate ? c : 0)` for a contiguous row-major k × n matrix `b`: tiles of
/// 4 rows × 16 columns with eight accumulators, then single rows eight columns at a time for what
/// is left.
private func addProduct(
  _ a: MatrixOperand, _ b: UnsafePointer<Float>, m: Int, n: Int, k: Int,
  into c: UnsafeMutablePointer<Float>, accumulate: Bool
) {
  // a[i, p] is at i · rowStep + p · columnStep, whether or not a is used transposed.
  let (rowStep, columnStep) = a.transposed ? (1, a.columns) : (a.columns, 1)
  let wideColumns = n / 16 * 16
  var i = 0
  while i + 4 <= m {
    var j = 0
    while j < wideColumns {
      addTile(
        a.base + i * rowStep, rowStep, columnStep, b + j, n, k, into: c + i * n + j,
        accumulate: accumulate)
      j += 16
    }
    for row in i..<(i + 4) {
      addRow(
        a.base + row * rowStep, columnStep, b, n, k, from: wideColumns, into: c + row * n,
        accumulate: accumulate)
    }
    i += 4
  }
  for row in i..<m {
    addRow(
      a.base + row * rowStep, columnStep, b, n, k, from: 0, into: c + row * n,
      accumulate: accumulate)
  }
}

/// Writes (or with `accumulate`, adds) a 4 × 16 tile of op(a) · b to `c` (rows `n` apart), from
/// op(a)'s 4 rows at `a`.
@inline(__always)
private func addTile(
  _ a: UnsafePointer<Float>, _ rowStep: Int, _ columnStep: Int, _ b: UnsafePointer<Float>,
  _ n: Int, _ k: Int, into c: UnsafeMutablePointer<Float>, accumulate: Bool
) {
  @inline(__always) func start(_ index: Int) -> Vector {
    accumulate ? c.vector(at: index) : Vector()
  }
  var c00 = start(0)
  var c01 = start(8)
  var c10 = start(n)
  var c11 = start(n + 8)
  var c20 = start(2 * n)
  var c21 = start(2 * n + 8)
  var c30 = start(3 * n)
  var c31 = start(3 * n + 8)
  var aColumn = a
  var bRow = b
  for _ in 0..<k {
    let b0 = bRow.vector(at: 0)
    let b1 = bRow.vector(at: 8)
    let a0 = Vector(repeating: aColumn[0])
    let a1 = Vector(repeating: aColumn[rowStep])
    let a2 = Vector(repeating: aColumn[2 * rowStep])
    let a3 = Vector(repeating: aColumn[3 * rowStep])
    c00 = c00.addingProduct(a0, b0)
    c01 = c01.addingProduct(a0, b1)
    c10 = c10.addingProduct(a1, b0)
    c11 = c11.addingProduct(a1, b1)
    c20 = c20.addingProduct(a2, b0)
    c21 = c21.addingProduct(a2, b1)
    c30 = c30.addingProduct(a3, b0)
    c31 = c31.addingProduct(a3, b1)
    aColumn += columnStep
    bRow += n
  }
  c.store(c00, at: 0)
  c.store(c01, at: 8)
  c.store(c10, at: n)
  c.store(c11, at: n + 8)
  c.store(c20, at: 2 * n)
  c.store(c21, at: 2 * n + 8)
  c.store(c30, at: 3 * n)
  c.store(c31, at: 3 * n + 8)
}

/// Writes (or with `accumulate`, adds) columns `start..<n` of one row of op(a) · b to the row `c`,
/// eight columns at a time.
@inline(__always)
private func addRow(
  _ a: UnsafePointer<Float>, _ columnStep: Int, _ b: UnsafePointer<Float>, _ n: Int, _ k: Int,
  from start: Int, into c: UnsafeMutablePointer<Float>, accumulate: Bool
) {
  var j = start
  while j < n {
    let width = min(8, n - j)
    var total = Vector()
    if accumulate {
      total = width == 8 ? c.vector(at: j) : UnsafePointer(c).partialVector(at: j, count: width)
    }
    var aElement = a
    var bRow = b + j
    for _ in 0..<k {
      let bValues = width == 8 ? bRow.vector(at: 0) : bRow.partialVector(at: 0, count: width)
      total = total.addingProduct(Vector(repeating: aElement.pointee), bValues)
      aElement += columnStep
      bRow += n
    }
    if width == 8 { c.store(total, at: j) } else { c.storePartial(total, at: j, count: width) }
    j += 8
  }
}
