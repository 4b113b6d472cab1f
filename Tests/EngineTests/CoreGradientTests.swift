import Engine
import Testing

@Suite struct CoreGradientTests {
  @Test(arguments: [
    ([3, 4], [3, 4]), ([3, 4], [4]), ([4], [3, 4]), ([3, 1], [1, 4]), ([2, 3, 4], [3, 1]),
    ([], [2, 3]), ([2, 1, 4], [3, 1]),
  ] as [(Shape, Shape)])
  func arithmeticBroadcasts(a: Shape, b: Shape) throws {
    try checkGradients([a, b]) { try $0[0] + $0[1] }
    try checkGradients([a, b]) { try $0[0] - $0[1] }
    try checkGradients([a, b]) { try $0[0] * $0[1] }
    try checkGradients([a, b], positive: true) { try $0[0] / $0[1] }
  }

  @Test func activations() throws {
    try checkGradients([[5, 7]], avoidingKinks: true) { $0[0].relu() }
    try checkGradients([[5, 7]]) { $0[0].sigmoid() }
    try checkGradients([[5, 7]]) { $0[0].tanh() }
  }

  @Test func reductions() throws {
    try checkGradients([[5, 7]]) { $0[0].sum() }
    try checkGradients([[5, 7]]) { $0[0].mean() }
  }

  @Test(arguments: [(3, 4, 5), (40, 50, 30), (1, 9, 17)])
  func matrixProduct(m: Int, k: Int, n: Int) throws {
    try checkGradients([[m, k], [k, n]], step: 0.5) { try $0[0].matmul($0[1]) }
  }

  @Test(arguments: Activation.allCases)
  func linearLayer(activation: Activation) throws {
    try checkGradients([[6, 3], [5, 3], [5]], avoidingKinks: true) {
      try linear($0[0], weight: $0[1], bias: $0[2], activation: activation)
    }
    // Large enough for the BLAS path; a linear map, so a large step is exact.
    try checkGradients([[40, 33], [35, 33]], step: 0.5) {
      try linear($0[0], weight: $0[1], activation: .identity)
    }
  }

  @Test func losses() throws {
    try checkGradients([[4, 5]]) {
      try softmaxCrossEntropy(logits: $0[0], labels: [0, 4, 2, 2])
    }
    let targets = try Tensor(shape: [6], values: [0, 1, 1, 0, 0.5, 1])
    try checkGradients([[6]]) {
      try binaryCrossEntropyWithLogits(logits: $0[0], targets: targets)
    }
  }

  @Test func shapeMistakesAreThrownNamingTheOperationAndShapes() throws {
    let a = Tensor(zeros: [2, 3])
    let b = Tensor(zeros: [4, 5])
    #expect(throws: ShapeError("add", "shapes [2, 3] and [4, 5] do not broadcast together")) {
      try a + b
    }
    do {
      _ = try a.matmul(b)
      Issue.record("matmul of [2, 3] by [4, 5] should throw")
    } catch let error as ShapeError {
      #expect(error.operation == "matmul")
      #expect(error.message.contains("[2, 3]") && error.message.contains("[4, 5]"))
    }
    #expect(throws: ShapeError.self) { try softmaxCrossEntropy(logits: a, labels: [0, 3]) }
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
}
