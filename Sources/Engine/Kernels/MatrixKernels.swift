import Synchronization

/// From this many multiply-adds on, products are packed (`multiplyPacked`); below it, the
/// unpacked loops below are faster, having no copies to make.
private let packedThreshold = 32 * 32 * 32

/// From this many multiply-adds on, a product is shared among the threads of `WorkerPool`;
/// below it, waking a second thread costs more than it saves.
private let parallelThreshold = 128 * 128 * 128

/// `c = op(a) · op(b) + (accumulate ? c : 0)` where op transposes when the operand says so.
///
/// Every element is one chain of fused multiply-adds in a fixed order, whatever the sizes, the
/// path taken or the number of threads: starting from c's element (when accumulating) or 0,
/// `total = total.addingProduct(a[i, p], b[p, j])` for p = 0, 1, …, k − 1. The result therefore
/// depends only on the operands, never on the machine, and `productReference` gives the same
/// bits one element at a time.
///
/// Large products are packed into panels and run by a 6 × 16 register tile (`multiplyPacked`),
/// split over rows or columns of c among the threads of `WorkerPool` when they are large enough
/// to pay for a second thread. Small ones, as in the networks learners train, run unpacked: when
/// the result has eight or more columns, tiles of 4 rows × 16 columns keep eight vector
/// accumulators in registers while the inner dimension runs (`multiplyByRows`); when it has fewer
/// columns but eight or more rows, the same loops compute the transpose, op(b)ᵀ · op(a)ᵀ; a
/// product under 8 × 8 is a plain triple loop. `pool` is the threads to share large products
/// among (tests pass pools of other sizes to show that the result does not change).
package func multiplyMatrices(
  _ a: MatrixOperand, _ b: MatrixOperand, into c: UnsafeMutablePointer<Float>, accumulate: Bool,
  pool: WorkerPool = .shared
) {
  let m = a.usedRows
  let k = a.usedColumns
  let n = b.usedColumns
  precondition(k == b.usedRows, "matrix operands must agree in their inner dimension")
  guard m > 0, n > 0 else { return }
  guard k > 0 else {
    if !accumulate { c.update(repeating: 0, count: m * n) }
    return
  }
  if m * n * k >= packedThreshold {
    multiplyInParallel(a, b, into: c, accumulate: accumulate, pool: pool)
  } else if n >= 8 {
    multiplyByRows(a, b, into: c, accumulate: accumulate)
  } else if m >= 8 {
    withUnsafeTemporaryAllocation(of: Float.self, capacity: n * m) { scratch in
      guard let transposed = scratch.baseAddress else { return }
      if accumulate { transposeMatrices(1, m, n, c, into: transposed, adding: false) }
      multiplyByRows(
        b.transposedOperand, a.transposedOperand, into: transposed, accumulate: accumulate)
      transposeMatrices(1, n, m, transposed, into: c, adding: false)
    }
  } else {
    for i in 0..<m {
      for j in 0..<n {
        c[i * n + j] = productReference(a, b, i, j, start: accumulate ? c[i * n + j] : 0)
      }
    }
  }
}

/// The element (i, j) of `c = op(a) · op(b) + (accumulate ? c : 0)` computed alone, in the order
/// `multiplyMatrices` promises (`start` is c's element or 0): the reference that its every path
/// equals bit for bit.
package func productReference(
  _ a: MatrixOperand, _ b: MatrixOperand, _ i: Int, _ j: Int, start: Float
) -> Float {
  var total = start
  for p in 0..<a.usedColumns { total = total.addingProduct(a.element(i, p), b.element(p, j)) }
  return total
}

/// Packing buffers not in use, one per thread that has multiplied so far.
private let idleBuffers = Mutex<[PackingBuffers]>([])

/// The packed product, split among threads when it is large: over columns of c in multiples of
/// the tile width when c is at least as wide as tall, else over rows in multiples of its height.
private func multiplyInParallel(
  _ a: MatrixOperand, _ b: MatrixOperand, into c: UnsafeMutablePointer<Float>, accumulate: Bool,
  pool: WorkerPool
) {
  let (m, n, k) = (a.usedRows, b.usedColumns, a.usedColumns)
  let byColumns = n >= m
  let (length, unit) = byColumns ? (n, tileColumns) : (m, tileRows)
  let units = (length + unit - 1) / unit
  let parts = m * n * k >= parallelThreshold ? min(pool.threadCount, units) : 1
  nonisolated(unsafe) let (a, b, c) = (a, b, c)
  pool.run(parts: parts) { part in
    let range = (units * part / parts * unit)..<min(units * (part + 1) / parts * unit, length)
    let buffers = idleBuffers.withLock { $0.popLast() } ?? PackingBuffers()
    multiplyPacked(
      a, b, into: c, accumulate: accumulate, rows: byColumns ? 0..<m : range,
      columns: byColumns ? range : 0..<n, buffers: buffers)
    idleBuffers.withLock { $0.append(buffers) }
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
  let (rowStep, columnStep) = a.steps
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
