import Engine
import Testing

/// The matrix kernel against a plain triple loop in double precision, for every path it takes
/// (register tiles, single rows, the transposed product for narrow results, the smallest loop,
/// OpenBLAS) and every combination of transposed operands.
@Suite struct MatrixKernelTests {
  static let shapes: [(m: Int, n: Int, k: Int)] = [
    (32, 16, 16), (32, 16, 2), (32, 1, 16), (16, 2, 32), (1, 16, 32), (32, 16, 1), (7, 30, 5),
    (33, 29, 3), (9, 3, 7), (3, 5, 4), (1, 1, 1), (5, 1, 9), (64, 64, 64), (128, 10, 40),
  ]

  @Test(arguments: 0..<shapes.count, [false, true])
  func productsMatchAPlainLoop(_ index: Int, _ accumulate: Bool) {
    let (m, n, k) = Self.shapes[index]
    var generator = RandomGenerator(seed: UInt64(index))
    let a = (0..<(m * k)).map { _ in Float(generator.normal()) }
    let b = (0..<(k * n)).map { _ in Float(generator.normal()) }
    let start = (0..<(m * n)).map { _ in Float(generator.normal()) }
    for transposeA in [false, true] {
      for transposeB in [false, true] {
        // Store each operand as the kernel reads it: transposed operands hold the transpose.
        let storedA = transposeA ? transpose(a, rows: m, columns: k) : a
        let storedB = transposeB ? transpose(b, rows: k, columns: n) : b
        var c = start
        storedA.withUnsafeBufferPointer { aBuffer in
          storedB.withUnsafeBufferPointer { bBuffer in
            c.withUnsafeMutableBufferPointer { cBuffer in
              multiplyMatrices(
                MatrixOperand(
                  base: aBuffer.baseAddress!, rows: transposeA ? k : m, columns: transposeA ? m : k,
                  transposed: transposeA),
                MatrixOperand(
                  base: bBuffer.baseAddress!, rows: transposeB ? n : k, columns: transposeB ? k : n,
                  transposed: transposeB),
                into: cBuffer.baseAddress!, accumulate: accumulate)
            }
          }
        }
        for i in 0..<m {
          for j in 0..<n {
            var expected = accumulate ? Double(start[i * n + j]) : 0
            for p in 0..<k { expected += Double(a[i * k + p]) * Double(b[p * n + j]) }
            #expect(
              abs(Double(c[i * n + j]) - expected) < 1e-4 * (1 + abs(expected)),
              "\(m)×\(n)×\(k) transposed \(transposeA), \(transposeB) at \(i), \(j)")
          }
        }
      }
    }
  }
}

/// The `columns × rows` transpose of a row-major `rows × columns` matrix.
private func transpose(_ x: [Float], rows: Int, columns: Int) -> [Float] {
  (0..<(rows * columns)).map { index in x[(index % rows) * columns + index / rows] }
}
