import Engine
import Testing

@Suite struct StructureGradientTests {
  @Test(arguments: [(3, 4, 5), (40, 50, 30), (1, 9, 17), (8, 8, 8)])
  func matrixProduct(m: Int, k: Int, n: Int) throws {
    try checkGradients([[m, k], [k, n]], step: 0.5) { try $0[0].matmul($0[1]) }
  }

  @Test func batchedMatrixProducts() throws {
    try checkGradients([[3, 4, 5], [3, 5, 2]], step: 0.5) { try matmul($0[0], $0[1]) }
    try checkGradients([[3, 4, 5], [5, 2]], step: 0.5) { try matmul($0[0], $0[1]) }
    try checkGradients([[2, 40, 30], [30, 33]], step: 0.5) { try matmul($0[0], $0[1]) }
  }

  @Test(arguments: FusedActivation.allCases)
  func linearLayer(activation: FusedActivation) throws {
    try checkGradients([[6, 3], [5, 3], [5]], avoidingKinks: true) {
      try linear($0[0], weight: $0[1], bias: $0[2], activation: activation)
    }
    try checkGradients([[6, 3], [5, 3]], avoidingKinks: true) {
      try linear($0[0], weight: $0[1], activation: activation)
    }
  }

  /// Large enough for the BLAS path; a linear map, so a large step is exact.
  @Test func largeLinearLayer() throws {
    try checkGradients([[40, 33], [35, 33], [35]], step: 0.5) {
      try linear($0[0], weight: $0[1], bias: $0[2])
    }
  }

  @Test func reshapeAndTranspose() throws {
    try checkGradients([[3, 4]]) { try $0[0].reshaped([2, -1, 2]) }
    try checkGradients([[3, 4]]) { try $0[0].transposed() }
    try checkGradients([[2, 3, 4]]) { try $0[0].transposed() }
    try checkGradients([[3, 4]]) { try $0[0].reshaped([12]).exp().reshaped([4, 3]) }
  }

  @Test func rowSelection() throws {
    try checkGradients([[5, 3]]) { try $0[0].rows(1..<4) }
    try checkGradients([[5, 2, 2]]) { try $0[0].rows(0..<1) }
    try checkGradients([[5, 3]]) { try $0[0].selectingRows([4, 0, 4, 2]) }
  }

  @Test(arguments: [0, 1, 2, -1])
  func concatenation(axis: Int) throws {
    var shapes: [Shape] = [[2, 3, 4], [2, 3, 4], [2, 3, 4]]
    let resolved = axis < 0 ? axis + 3 : axis
    for (index, size) in [1, 3, 2].enumerated() {
      var dimensions = shapes[index].dimensions
      dimensions[resolved] = size
      shapes[index] = Shape(dimensions)
    }
    try checkGradients(shapes) { try concatenate($0, alongAxis: axis) }
  }

  @Test func labelsAndLosses() throws {
    try checkGradients([[4, 5]]) { try $0[0].gather(labels: [0, 4, 2, 2]) }
    try checkGradients([[4, 5]]) { try softmaxCrossEntropy(logits: $0[0], labels: [0, 4, 2, 2]) }
    try checkGradients([[4, 5]]) {
      try softmaxCrossEntropy(logits: $0[0], labels: [0, 4, 2, 2], labelSmoothing: 0.2)
    }
    let targets = try Tensor(shape: [6, 1], values: [0, 1, 1, 0, 0.5, 1])
    try checkGradients([[6, 1]]) {
      try binaryCrossEntropyWithLogits(logits: $0[0], targets: targets)
    }
  }

  @Test func shapeMistakesAreThrownNamingTheOperationAndShapes() throws {
    let a = Tensor(zeros: [2, 3])
    let b = Tensor(zeros: [4, 5])
    #expect(throws: ShapeError("add", "shapes [2, 3] and [4, 5] do not broadcast together")) {
      try a + b
    }
    #expect(
      throws: ShapeError(
        "matmul",
        "cannot multiply [2, 3] by [4, 5]: needs [m, k]·[k, n], [b, m, k]·[b, k, n] or "
          + "[b, m, k]·[k, n]")
    ) { try a.matmul(b) }
    #expect(throws: ShapeError.self) { try linear(a, weight: b) }
    #expect(throws: ShapeError.self) { try linear(a, weight: Tensor(zeros: [5, 3]), bias: a) }
    #expect(throws: ShapeError.self) { try softmaxCrossEntropy(logits: a, labels: [0, 3]) }
    #expect(throws: ShapeError.self) { try softmaxCrossEntropy(logits: a, labels: [0]) }
    #expect(throws: ShapeError.self) { try binaryCrossEntropyWithLogits(logits: a, targets: b) }
    #expect(throws: ShapeError.self) { try a.reshaped([4, -1]) }
    #expect(throws: ShapeError.self) { try a.rows(1..<3) }
    #expect(throws: ShapeError.self) { try a.selectingRows([-1]) }
    #expect(throws: ShapeError.self) { try concatenate([a, b], alongAxis: 0) }
    #expect(throws: ShapeError.self) { try concatenate([]) }
    #expect(throws: ShapeError.self) { try Tensor(shape: [2, 2], values: [1, 2, 3]) }
    #expect(throws: ShapeError.self) { try Tensor.oneHot(labels: [3], classes: 3) }
    #expect(throws: ShapeError.self) { try Tensor(scalar: 1).transposed() }
    #expect(throws: ShapeError.self) { try a.backward() }
    #expect(throws: ShapeError.self) { try a.clamped(min: 1, max: 0) }
    #expect(throws: ShapeError.self) { try Shape(checking: [2, -1]) }
  }
}
