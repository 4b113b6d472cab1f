import COpenBLAS

/// Matrix products of the layers, through OpenBLAS's `cblas_sgemm`.
enum MatrixMultiply {
  /// `c = op(a) · op(b) + (accumulate ? c : 0)` for row-major matrices, where `op(a)` is
  /// `m × k` and `op(b)` is `k × n`; `transposeA` means `a` is stored `k × m`, and likewise for `b`.
  static func multiply(
    _ a: [Float], transposeA: Bool, _ b: [Float], transposeB: Bool,
    m: Int, n: Int, k: Int, into c: inout [Float], accumulate: Bool
  ) {
    precondition(a.count >= m * k && b.count >= k * n && c.count >= m * n, "gemm sizes differ")
    guard m > 0, n > 0 else { return }
    a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in
        c.withUnsafeMutableBufferPointer { c in
          cblas_sgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans,
            transposeB ? CblasTrans : CblasNoTrans, Int32(m), Int32(n), Int32(k), 1,
            a.baseAddress, Int32(transposeA ? m : k), b.baseAddress, Int32(transposeB ? k : n),
            accumulate ? 1 : 0, c.baseAddress, Int32(n))
        }
      }
    }
  }
}
