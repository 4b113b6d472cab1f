import Synchronization

/// From this many multiply-adds on, products are packed (`multiplyPacked`); below it, the
/// unpacked loops below are faster, having no copies to make.
private let packedThreshold = 32 * 32 * 32

/// Products with fewer rows than this run unpacked at any size: a packed tile of 6 rows would
/// mostly multiply padding, and packing op(b) would copy all of it for a few rows.
private let narrowRows = 8

/// Products with a shorter inner dimension than this run unpacked at any size: each tile
/// would load and store its part of c for a few multiply-adds, and the copies cost more than
/// they save (a dense layer's weight gradient on a small batch).
private let shallowDepth = 16

/// From this many multiply-adds on, a product is shared among the threads of `WorkerPool`;
/// below it, handing half to a second thread costs more than it saves (measured on the grid
/// benchmark's cells: 64³ was no better, 80³ made batches of 32 through 256-wide layers 20%
/// faster than 128³).
private let parallelThreshold = 80 * 80 * 80

/// From this many multiply-adds on, a shared product wakes a sleeping worker; a smaller one is
/// shared only with workers still watching after an earlier product (measured: waking a worker
/// for the one 256 × 32 × 64 product of a training step made the step 12% slower).
private let wakingThreshold = 128 * 128 * 128

/// The fewest rows or columns of c a thread's share may have: with fewer, each thread would
/// copy all of the other operand for a sliver of the result (measured: sharing a 32 × 64
/// weight gradient among two threads made its training 10% slower).
private let sharedLength = 64

/// `c = op(a) · op(b) + (accumulate ? c : 0)` where op transposes when the operand says so.
///
/// Every element is one chain of fused multiply-adds in a fixed order, whatever the sizes, the
/// path taken or the number of threads: starting from c's element (when accumulating) or 0,
/// `total = total.addingProduct(a[i, p], b[p, j])` for p = 0, 1, …, k − 1. The result therefore
/// depends only on the operands, never on the machine, and `productReference` gives the same
/// bits one element at a time.
///
/// Large products are packed into panels and run by a 6 × 16 register tile (`multiplyPacked`).
/// The rest run unpacked, vectorised along the rows of c (`multiplyByRows`): small products, as
/// in the networks learners train; products with fewer than 8 rows (a small batch), where a
/// packed tile would mostly multiply padding; and products with a short inner dimension (a
/// weight gradient from a small batch). Unpacked, tiles of 4 rows × 16 columns keep eight vector
/// accumulators in registers while the inner dimension runs, and a transposed op(b) with few rows
/// of a is transposed in registers as it is read (`multiplyByTransposedRows`). When c has fewer
/// than 8 columns but 8 or more rows, the same loops compute the transpose, op(b)ᵀ · op(a)ᵀ; a
/// product under 8 × 8 is a plain triple loop.
///
/// Products large enough to pay for a second thread are split over rows or columns of c among
/// the threads of `pool` (tests pass pools of other sizes to show that the result does not
/// change).
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
  if m >= narrowRows && k >= shallowDepth && m * n * k >= packedThreshold {
    multiplyPackedInParallel(a, b, into: c, accumulate: accumulate, pool: pool)
  } else if n >= 8 {
    nonisolated(unsafe) let (a, b, c) = (a, b, c)
    shareAmongThreads(n, unit: tileColumns, multiplyAdds: m * n * k, pool: pool) { columns in
      multiplyByRows(a, b, into: c, accumulate: accumulate, columns: columns)
    }
  } else if m >= 8 {
    withUnsafeTemporaryAllocation(of: Float.self, capacity: n * m) { scratch in
      guard let transposed = scratch.baseAddress else { return }
      if accumulate { transposeMatrices(1, m, n, c, into: transposed, adding: false) }
      multiplyByRows(
        b.transposedOperand, a.transposedOperand, into: transposed, accumulate: accumulate,
        columns: 0..<m)
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
private func multiplyPackedInParallel(
  _ a: MatrixOperand, _ b: MatrixOperand, into c: UnsafeMutablePointer<Float>, accumulate: Bool,
  pool: WorkerPool
) {
  let (m, n, k) = (a.usedRows, b.usedColumns, a.usedColumns)
  let byColumns = n >= m
  nonisolated(unsafe) let (a, b, c) = (a, b, c)
  shareAmongThreads(
    byColumns ? n : m, unit: byColumns ? tileColumns : tileRows, multiplyAdds: m * n * k,
    pool: pool
  ) { range in
    let buffers = idleBuffers.withLock { $0.popLast() } ?? PackingBuffers()
    multiplyPacked(
      a, b, into: c, accumulate: accumulate, rows: byColumns ? 0..<m : range,
      columns: byColumns ? range : 0..<n, buffers: buffers)
    idleBuffers.withLock { $0.append(buffers) }
  }
}

/// Runs `body` over `0..<length` cut into one range per thread of `pool` at multiples of `unit`
/// (each at least `sharedLength` long), or over all of it on the calling thread when a product
/// of `multiplyAdds` is too small to pay for a second thread. Which thread computes a range
/// never changes what it computes.
@inline(__always)
private func shareAmongThreads(
  _ length: Int, unit: Int, multiplyAdds: Int, pool: WorkerPool, _ body: (Range<Int>) -> Void
) {
  let units = (length + unit - 1) / unit
  let parts = min(pool.threadCount, units, length / sharedLength)
  guard multiplyAdds >= parallelThreshold, parts > 1 else {
    body(0..<length)
    return
  }
  pool.run(parts: parts, wakingSleepers: multiplyAdds >= wakingThreshold) { part in
    body((units * part / parts * unit)..<min(units * (part + 1) / parts * unit, length))
  }
}

/// `c = op(a) · op(b) + (accumulate ? c : 0)` for a small product or one with few rows,
/// vectorised along the rows of c (`n` columns), over the columns `columns` of c.
///
/// A transposed `b` is read in place, eight of its rows at a time, when a has few rows
/// (`multiplyByTransposedRows`); with more rows it is first copied out transposed, once for all
/// of them (once per thread when the product is shared, a copy of k · n values against the
/// m · k · n multiply-adds).
private func multiplyByRows(
  _ a: MatrixOperand, _ b: MatrixOperand, into c: UnsafeMutablePointer<Float>, accumulate: Bool,
  columns: Range<Int>
) {
  let (m, k, n) = (a.usedRows, a.usedColumns, b.usedColumns)
  guard b.transposed else {
    addProduct(a, b.base, m: m, n: n, k: k, columns: columns, into: c, accumulate: accumulate)
    return
  }
  guard m >= narrowRows else {
    multiplyByTransposedRows(a, b, into: c, accumulate: accumulate, columns: columns)
    return
  }
  withUnsafeTemporaryAllocation(of: Float.self, capacity: k * n) { scratch in
    guard let contiguous = scratch.baseAddress else { return }
    transposeMatrices(1, n, k, b.base, into: contiguous, adding: false)
    addProduct(
      a, UnsafePointer(contiguous), m: m, n: n, k: k, columns: columns, into: c,
      accumulate: accumulate)
  }
}

/// Columns `columns` of `c = op(a) · b + (accumulate ? c : 0)` for a contiguous row-major k × n
/// matrix `b`: tiles of 4 rows × 16 columns with eight accumulators, then single rows for what
/// is left.
private func addProduct(
  _ a: MatrixOperand, _ b: UnsafePointer<Float>, m: Int, n: Int, k: Int, columns: Range<Int>,
  into c: UnsafeMutablePointer<Float>, accumulate: Bool
) {
  let (rowStep, columnStep) = a.steps
  let wideEnd = columns.lowerBound + columns.count / 16 * 16
  var i = 0
  while i + 4 <= m {
    for j in stride(from: columns.lowerBound, to: wideEnd, by: 16) {
      addTile(
        a.base + i * rowStep, rowStep, columnStep, b + j, n, k, into: c + i * n + j,
        accumulate: accumulate)
    }
    if wideEnd < columns.upperBound {
      for row in i..<(i + 4) {
        addRow(
          a.base + row * rowStep, columnStep, b, n, k, wideEnd..<columns.upperBound,
          into: c + row * n, accumulate: accumulate)
      }
    }
    i += 4
  }
  for row in i..<m {
    addRow(
      a.base + row * rowStep, columnStep, b, n, k, columns, into: c + row * n,
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

/// Writes (or with `accumulate`, adds) the columns `columns` of one row of op(a) · b to the row
/// `c`: 32 columns at a time while they last (four independent chains keep the multiply-adds
/// flowing), then eight, then the rest.
@inline(__always)
private func addRow(
  _ a: UnsafePointer<Float>, _ columnStep: Int, _ b: UnsafePointer<Float>, _ n: Int, _ k: Int,
  _ columns: Range<Int>, into c: UnsafeMutablePointer<Float>, accumulate: Bool
) {
  var j = columns.lowerBound
  while j + 32 <= columns.upperBound {
    @inline(__always) func start(_ offset: Int) -> Vector {
      accumulate ? c.vector(at: j + offset) : Vector()
    }
    var (c0, c1, c2, c3) = (start(0), start(8), start(16), start(24))
    var aElement = a
    var bRow = b + j
    for _ in 0..<k {
      let x = Vector(repeating: aElement.pointee)
      c0 = c0.addingProduct(x, bRow.vector(at: 0))
      c1 = c1.addingProduct(x, bRow.vector(at: 8))
      c2 = c2.addingProduct(x, bRow.vector(at: 16))
      c3 = c3.addingProduct(x, bRow.vector(at: 24))
      aElement += columnStep
      bRow += n
    }
    c.store(c0, at: j)
    c.store(c1, at: j + 8)
    c.store(c2, at: j + 16)
    c.store(c3, at: j + 24)
    j += 32
  }
  while j < columns.upperBound {
    let width = min(8, columns.upperBound - j)
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
