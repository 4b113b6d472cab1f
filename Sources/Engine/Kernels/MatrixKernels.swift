import COpenBLAS

/// A matrix operand of `multiplyMatrices`: row-major rows × columns as stored, and whether the
/// product uses its transpose.
struct MatrixOperand {
  let base: UnsafePointer<Float>
  let rows: Int
  let columns: Int
  let transposed: Bool

  /// The rows of the matrix the product uses (after transposing, if asked).
  var usedRows: Int { transposed ? columns : rows }
  /// The columns of the matrix the product uses (after transposing, if asked).
  var usedColumns: Int { transposed ? rows : columns }

  /// The element at (row, column) of the used matrix.
  @inline(__always) subscript(row: Int, column: Int) -> Float {
    transposed ? base[column * columns + row] : base[row * columns + column]
  }
}

/// Below this many multiply-adds, a plain SIMD loop beats the fixed cost of a BLAS call.
private let blasThreshold = 32 * 32 * 32

/// `c = op(a) · op(b) + (accumulate ? c : 0)` where op transposes when the operand says so.
///
/// Large products go to OpenBLAS's `cblas_sgemm` (at the machine's peak); small ones, which
/// dominate small networks, run a register-friendly loop: for each row i of the result and each
/// k, add a[i, k] times row k of b (vectorised along the row).
func multiplyMatrices(
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
  if !accumulate { c.update(repeating: 0, count: m * n) }
  if b.transposed {
    // Make the rows of op(b) contiguous first, so the inner loop runs along memory.
    let scratch = UnsafeMutablePointer<Float>.allocate(capacity: k * n)
    defer { scratch.deallocate() }
    for row in 0..<k {
      for column in 0..<n { scratch[row * n + column] = b[row, column] }
    }
    multiplySmall(a, UnsafePointer(scratch), m: m, n: n, k: k, into: c)
  } else {
    multiplySmall(a, b.base, m: m, n: n, k: k, into: c)
  }
}

/// `c += op(a) · b` for a contiguous row-major k × n matrix `b`.
private func multiplySmall(
  _ a: MatrixOperand, _ b: UnsafePointer<Float>, m: Int, n: Int, k: Int,
  into c: UnsafeMutablePointer<Float>
) {
  for i in 0..<m {
    let row = c + i * n
    var j = 0
    while j + 8 <= n {
      var total = row.vector(at: j)
      for p in 0..<k {
        total = total.addingProduct(Vector(repeating: a[i, p]), b.vector(at: p * n + j))
      }
      row.store(total, at: j)
      j += 8
    }
    if j < n {
      for column in j..<n {
        var total = row[column]
        for p in 0..<k { total += a[i, p] * b[p * n + column] }
        row[column] = total
      }
    }
  }
}
