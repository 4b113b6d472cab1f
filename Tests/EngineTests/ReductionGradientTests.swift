import Engine
import Testing

/// Shapes of every rank from 1 to 3, each reduced over every axis (and a negative axis).
let reductionCases: [(Shape, Int)] = [[7], [3, 5], [2, 3, 4], [4, 1, 9]].flatMap {
  (shape: Shape) in (-1..<shape.rank).map { (shape, $0) }
}

@Suite struct ReductionGradientTests {
  @Test(arguments: reductionCases)
  func alongAnAxis(shape: Shape, axis: Int) throws {
    for keep in [false, true] {
      try checkGradients([shape]) { try $0[0].sum(alongAxis: axis, keepingDimension: keep) }
      try checkGradients([shape]) { try $0[0].mean(alongAxis: axis, keepingDimension: keep) }
      try checkGradients([shape], step: 1e-3) {
        try $0[0].max(alongAxis: axis, keepingDimension: keep)
      }
      try checkGradients([shape]) {
        try $0[0].variance(alongAxis: axis, keepingDimension: keep, unbiased: keep)
      }
    }
  }

  @Test(arguments: [[1], [7], [3, 5], [2, 3, 4], [40, 30]] as [Shape])
  func inFull(shape: Shape) throws {
    try checkGradients([shape]) { $0[0].sum() }
    try checkGradients([shape]) { $0[0].mean() }
    try checkGradients([shape], step: 1e-3) { try $0[0].max() }
    try checkGradients([shape]) { $0[0].variance() }
  }

  @Test(arguments: reductionCases)
  func softmaxAlongAnAxis(shape: Shape, axis: Int) throws {
    try checkGradients([shape]) { try $0[0].softmax(alongAxis: axis) }
    try checkGradients([shape]) { try $0[0].logSoftmax(alongAxis: axis) }
  }

  @Test func axisMistakesAreThrown() throws {
    let x = Tensor(zeros: [2, 3])
    #expect(throws: ShapeError("sum", "axis 2 is out of range for shape [2, 3]")) {
      try x.sum(alongAxis: 2)
    }
    #expect(throws: ShapeError.self) { try x.softmax(alongAxis: -3) }
    #expect(throws: ShapeError.self) { try Tensor(zeros: [0]).max() }
  }
}
