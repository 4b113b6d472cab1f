import Engine
import Testing

@Suite struct BehaviourTests {
  /// A seeded training-like computation run twice gives identical bits.
  @Test func sameSeedSameBits() throws {
    func run() throws -> [Float] {
      var generator = RandomGenerator(seed: 11)
      let x = Tensor(normalShape: [64, 40], generator: &generator)
      let w1 = Tensor(normalShape: [48, 40], generator: &generator, requiresGradient: true)
      let w2 = Tensor(normalShape: [10, 48], generator: &generator, requiresGradient: true)
      let labels = (0..<64).map { _ in generator.int(below: 10) }
      let mask = try Tensor.dropoutMask(
        shape: [64, 48], keepProbability: 0.8, generator: &generator)
      let hidden = try linear(x, weight: w1, activation: .tanh) * mask
      let loss = try softmaxCrossEntropy(logits: linear(hidden, weight: w2), labels: labels)
      try loss.backward()
      return [loss.scalar] + (w1.gradient ?? []) + (w2.gradient ?? [])
    }
    let first = try run()
    #expect(first.map(\.bitPattern) == (try run()).map(\.bitPattern))
    #expect(first.count == 1 + 48 * 40 + 10 * 48)
  }

  @Test func dropoutMaskKeepsTheExpectedShareScaledUp() throws {
    var generator = RandomGenerator(seed: 2)
    let mask = try Tensor.dropoutMask(
      shape: [100, 100], keepProbability: 0.75, generator: &generator)
    let kept = mask.values.filter { $0 != 0 }
    #expect(kept.allSatisfy { $0 == 1 / Float(0.75) })
    #expect(abs(Double(kept.count) / 10_000 - 0.75) < 0.02)
    #expect(throws: ShapeError.self) {
      try Tensor.dropoutMask(shape: [2], keepProbability: 0, generator: &generator)
    }
  }

  /// Logits of ±1000 would overflow e^x; the stable forms stay finite and exact in the limit.
  @Test func stableOnHugeLogits() throws {
    let logits = try Tensor(
      shape: [2, 3], values: [1000, -1000, 0, -1000, 1000, 1000], requiresGradient: true)
    let softmax = try logits.softmax()
    #expect(softmax.values == [1, 0, 0, 0, 0.5, 0.5])
    let logSoftmax = try logits.logSoftmax()
    #expect(logSoftmax.values.allSatisfy { $0.isFinite })
    #expect(logSoftmax.values[0] == 0 && logSoftmax.values[1] == -2000)
    let crossEntropy = try softmaxCrossEntropy(logits: logits, labels: [1, 2])
    #expect(crossEntropy.scalar.isFinite)
    #expect(abs(crossEntropy.scalar - (2000 + Float(0.693_147_2)) / 2) < 1e-3)
    try crossEntropy.backward()
    #expect((logits.gradient ?? []).allSatisfy { $0.isFinite })

    let z = try Tensor(shape: [4], values: [1000, -1000, 1000, -1000], requiresGradient: true)
    let t = try Tensor(shape: [4], values: [1, 0, 0, 1])
    let binary = try binaryCrossEntropyWithLogits(logits: z, targets: t)
    #expect(binary.scalar == 500)
    try binary.backward()
    #expect(z.gradient == [0, 0, 0.25, -0.25])
    #expect(z.sigmoid().values == [1, 0, 1, 0])
    #expect(z.softplus().values == [1000, 0, 1000, 0])
  }

  @Test func noGradientModeRecordsNothing() throws {
    let w = Tensor(repeating: 2, shape: [3], requiresGradient: true)
    let y = try Tensor.withoutGradients { try (w * w).sum() }
    #expect(!y.requiresGradient)
    #expect(y.scalar == 12)
    let z = try (w * w).sum()
    #expect(z.requiresGradient)
    try z.backward()
    #expect(w.gradient == [4, 4, 4])
    try (w * w).sum().backward()
    #expect(w.gradient == [8, 8, 8])
    w.zeroGradient()
    #expect(w.gradient == [0, 0, 0])
  }

  /// A chain of 100,000 operations: the iterative graph walk must not overflow the stack.
  @Test func deepGraphsDoNotOverflowTheStack() throws {
    let x = Tensor(scalar: 1, requiresGradient: true)
    var y = x
    for _ in 0..<100_000 { y = y * 1 }
    try y.backward()
    #expect(x.gradient == [1])
    var z = x
    for _ in 0..<100_000 { z = z * 1 }
    #expect(z.requiresGradient)
    z = x  // drops the unused graph without recursion
    #expect(z === x)
  }

  @Test func parametersUpdateInPlace() throws {
    let w = try Tensor(shape: [2], values: [1, 2], requiresGradient: true)
    try (w * w).sum().backward()
    w.updateInPlace { values, gradient in
      for i in values.indices { values[i] -= 0.5 * gradient[i] }
    }
    #expect(w.values == [0, 0])
  }
}
