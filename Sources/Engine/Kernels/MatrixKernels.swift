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

}

/// Below this many multiply-adds, a plain SIMD loop beats the fixed cost of a BLAS call (about
/// 0.1 µs; measured: OpenBLAS already wins at 32×16×16, the loop at 32×2×16).
private let blasThreshold = 2048

/// `c = op(a) · op(b) + (accumulate ? c : 0)` where op transposes when the operand says so.
///
/// Products go to OpenBLAS's `cblas_sgemm` (at the machine's peak, and already faster than a
/// simple loop at 32×16×16); only the tiniest, such as a 2-input layer's, run a plain loop:
/// for each row i of the result and each k, add a[i, k] times row k of b.
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
    withUnsafeTemporaryAllocation(of: Float.self, capacity: k * n) { scratch in
      guard let contiguous = scratch.baseAddress else { return }
      transposeMatrices(1, n, k, b.base, into: contiguous, adding: false)
      multiplySmall(a, UnsafePointer(contiguous), m: m, n: n, k: k, into: c)
    }
  } else {
    multiplySmall(a, b.base, m: m, n: n, k: k, into: c)
  }
}

/// `c += op(a) · b` for a contiguous row-major k × n matrix `b`: for each row i of c and each p,
/// add a[i, p] times row p of b, eight columns at a time. Pointers step through the operands so
/// that the loops carry no index arithmetic.
private func multiplySmall(
  _ a: MatrixOperand, _ b: UnsafePointer<Float>, m: Int, n: Int, k: Int,
  into c: UnsafeMutablePointer<Float>
) {
  // a[i, p] is at i · rowStep + p · columnStep, whether or not a is used transposed.
  let (rowStep, columnStep) = a.transposed ? (1, a.columns) : (a.columns, 1)
  let wholeVectors = n / 8 * 8
  var row = c
  var aRow = a.base
  for _ in 0..<m {
    var j = 0
    while j < wholeVectors {
      var total = row.vector(at: j)
      var aElement = aRow
      var bRow = b + j
      for _ in 0..<k {
        total = total.addingProduct(Vector(repeating: aElement.pointee), bRow.vector(at: 0))
        aElement += columnStep
        bRow += n
      }
      row.store(total, at: j)
      j += 8
    }
    for column in wholeVectors..<n {
      var total = row[column]
      var aElement = aRow
      var bElement = b + column
      for _ in 0..<k {
        total = total.addingProduct(aElement.pointee, bElement.pointee)
        aElement += columnStep
        bElement += n
      }
      row[column] = total
    }
    row += n
    aRow += rowStep
  }
}
