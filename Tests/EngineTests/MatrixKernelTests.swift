import Dispatch
import Engine
import Synchronization
import Testing

/// The matrix kernel against a plain loop, for every path it takes (packed tiles, unpacked
/// tiles, single rows, the transposed product for narrow results, the smallest loop), every
/// combination of transposed operands, and several thread counts.
///
/// Each element must equal, bit for bit, the one chain of fused multiply-adds that
/// `multiplyMatrices` promises (`productReference`), and lie within the rounding error bound of
/// that chain from the exact product computed in double precision: |c − ĉ| ≤ γ · Σ|aᵢₚ bₚⱼ| (+
/// |c₀|) with γ = (k + 1) · 2⁻²⁴ (Higham, Accuracy and Stability of Numerical Algorithms, §3.1).
@Suite struct MatrixKernelTests {
  /// Awkward sizes: one, under a vector, around a tile and block edge, and large.
  static let sizes = [1, 7, 31, 33, 129]
  /// Every combination of `sizes` for m, n and k, each dimension at 1000 with the others at
  /// awkward sizes, few rows with large operands (a small batch through a wide layer) and a
  /// short inner dimension with large ones (its weight gradient).
  static let shapes: [(m: Int, n: Int, k: Int)] =
    sizes.flatMap { m in sizes.flatMap { n in sizes.map { k in (m, n, k) } } }
    + [(1000, 33, 7), (31, 1000, 33), (33, 7, 1000), (129, 129, 1000), (1000, 129, 31)]
    + [(1, 1024, 1024), (5, 1000, 301), (7, 129, 2000), (3, 2001, 999), (1000, 1001, 9)]

  @Test(arguments: 0..<shapes.count)
  func productsEqualTheirChainOfFusedMultiplyAdds(_ index: Int) {
    let (m, n, k) = Self.shapes[index]
    var generator = RandomGenerator(seed: UInt64(index))
    let a = (0..<(m * k)).map { _ in Float(generator.normal()) }
    let b = (0..<(k * n)).map { _ in Float(generator.normal()) }
    let start = (0..<(m * n)).map { _ in Float(generator.normal()) }
    for (transposeA, transposeB) in [(false, false), (false, true), (true, false), (true, true)] {
      for accumulate in [false, true] {
        let product = Product(
          a: a, b: b, m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB)
        let c = product.computed(start: start, accumulate: accumulate, pool: .shared)
        let label =
          "\(m)×\(n)×\(k) transposed \(transposeA), \(transposeB), accumulate \(accumulate)"
        product.check(c, start: start, accumulate: accumulate, label)
      }
    }
  }

  @Test(arguments: [
    (300, 260, 70), (64, 1000, 129), (1000, 40, 300), (129, 129, 129), (1, 1500, 1500),
    (6, 1000, 1000), (1000, 1000, 8),
  ])
  func threadCountsGiveTheSameBits(_ m: Int, _ n: Int, _ k: Int) {
    var generator = RandomGenerator(seed: 7)
    let a = (0..<(m * k)).map { _ in Float(generator.normal()) }
    let b = (0..<(k * n)).map { _ in Float(generator.normal()) }
    let start = (0..<(m * n)).map { _ in Float(generator.normal()) }
    for (transposeA, transposeB) in [(false, false), (false, true), (true, false)] {
      let product = Product(
        a: a, b: b, m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB)
      let single = product.computed(
        start: start, accumulate: true, pool: WorkerPool(threadCount: 1))
      for threads in [2, 3, 16] {
        let shared = product.computed(
          start: start, accumulate: true, pool: WorkerPool(threadCount: threads))
        #expect(
          shared.map(\.bitPattern) == single.map(\.bitPattern),
          "\(m)×\(n)×\(k) on \(threads) threads")
      }
    }
  }

  /// A product too small to wake a sleeping worker is shared with one still watching after a
  /// large product (as within a training step), and gives the bits of one thread.
  @Test func aProductSharedWithAWatchingWorkerGetsTheSameBits() {
    var generator = RandomGenerator(seed: 13)
    func product(_ m: Int, _ n: Int, _ k: Int) -> Product {
      Product(
        a: (0..<(m * k)).map { _ in Float(generator.normal()) },
        b: (0..<(k * n)).map { _ in Float(generator.normal()) }, m: m, n: n, k: k,
        transposeA: false, transposeB: true)
    }
    let (large, small) = (product(200, 256, 128), product(100, 128, 100))
    let start = [Float](repeating: 0, count: 100 * 128)
    let single = small.computed(start: start, accumulate: false, pool: WorkerPool(threadCount: 1))
    let pool = WorkerPool(threadCount: 2)
    for _ in 0..<20 {
      _ = large.computed(
        start: [Float](repeating: 0, count: 200 * 256), accumulate: false, pool: pool)
      let shared = small.computed(start: start, accumulate: false, pool: pool)
      #expect(shared.map(\.bitPattern) == single.map(\.bitPattern))
    }
  }

  /// Several threads sharing one pool at once (as a sweep's fits do), some of them computing
  /// alone, all get the bits of the product computed on one thread.
  @Test func concurrentCallersOfOnePoolGetTheSameBits() {
    let (m, n, k) = (300, 260, 70)
    var generator = RandomGenerator(seed: 11)
    let product = Product(
      a: (0..<(m * k)).map { _ in Float(generator.normal()) },
      b: (0..<(k * n)).map { _ in Float(generator.normal()) }, m: m, n: n, k: k,
      transposeA: false, transposeB: true)
    let start = [Float](repeating: 0, count: m * n)
    let single = product.computed(
      start: start, accumulate: false, pool: WorkerPool(threadCount: 1))
    let pool = WorkerPool(threadCount: 2)
    let results = Mutex<[[Float]]>([])
    DispatchQueue.concurrentPerform(iterations: 4) { caller in
      for round in 0..<10 {
        let computed =
          (caller + round) % 2 == 0
          ? EngineThreads.computingAlone {
            product.computed(start: start, accumulate: false, pool: pool)
          } : product.computed(start: start, accumulate: false, pool: pool)
        results.withLock { $0.append(computed) }
      }
    }
    let all = results.withLock { $0 }
    #expect(all.count == 40)
    #expect(all.allSatisfy { $0.map(\.bitPattern) == single.map(\.bitPattern) })
  }
}

/// One product op(A) · op(B) of row-major m × k and k × n matrices `a` and `b`, with each operand
/// stored as the kernel reads it (a transposed operand holds the transpose).
private struct Product {
  let a: [Float]
  let b: [Float]
  let m: Int
  let n: Int
  let k: Int
  let transposeA: Bool
  let transposeB: Bool

  /// `c = op(A) · op(B) + (accumulate ? start : 0)` by `multiplyMatrices` on `pool`.
  func computed(start: [Float], accumulate: Bool, pool: WorkerPool) -> [Float] {
    let storedA = transposeA ? transpose(a, rows: m, columns: k) : a
    let storedB = transposeB ? transpose(b, rows: k, columns: n) : b
    var c = start
    storedA.withUnsafeBufferPointer { aBuffer in
      storedB.withUnsafeBufferPointer { bBuffer in
        c.withUnsafeMutableBufferPointer { cBuffer in
          multiplyMatrices(
            operandA(aBuffer.baseAddress!), operandB(bBuffer.baseAddress!),
            into: cBuffer.baseAddress!, accumulate: accumulate, pool: pool)
        }
      }
    }
    return c
  }

  func operandA(_ base: UnsafePointer<Float>) -> MatrixOperand {
    MatrixOperand(
      base: base, rows: transposeA ? k : m, columns: transposeA ? m : k, transposed: transposeA)
  }

  func operandB(_ base: UnsafePointer<Float>) -> MatrixOperand {
    MatrixOperand(
      base: base, rows: transposeB ? n : k, columns: transposeB ? k : n, transposed: transposeB)
  }

  /// Checks `c` element by element against the chain and the double-precision product.
  func check(
    _ c: [Float], start: [Float], accumulate: Bool, _ label: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let gamma = Double(k + 1) * 0x1p-24
    var wrongBits = 0
    var outsideBound = 0
    a.withUnsafeBufferPointer { aBuffer in
      b.withUnsafeBufferPointer { bBuffer in
        let plainA = MatrixOperand(
          base: aBuffer.baseAddress!, rows: m, columns: k, transposed: false)
        let plainB = MatrixOperand(
          base: bBuffer.baseAddress!, rows: k, columns: n, transposed: false)
        for i in 0..<m {
          for j in 0..<n {
            let initial: Float = accumulate ? start[i * n + j] : 0
            let chain = productReference(plainA, plainB, i, j, start: initial)
            if chain.bitPattern != c[i * n + j].bitPattern { wrongBits += 1 }
            var exact = Double(initial)
            var size = abs(Double(initial))
            for p in 0..<k {
              let term = Double(a[i * k + p]) * Double(b[p * n + j])
              exact += term
              size += abs(term)
            }
            if abs(Double(c[i * n + j]) - exact) > gamma * size { outsideBound += 1 }
          }
        }
      }
    }
    #expect(
      wrongBits == 0, "\(label): \(wrongBits) elements differ from their chain",
      sourceLocation: sourceLocation)
    #expect(
      outsideBound == 0, "\(label): \(outsideBound) elements outside the error bound",
      sourceLocation: sourceLocation)
  }
}

/// The `columns × rows` transpose of a row-major `rows × columns` matrix.
private func transpose(_ x: [Float], rows: Int, columns: Int) -> [Float] {
  (0..<(rows * columns)).map { index in x[(index % rows) * columns + index / rows] }
}
