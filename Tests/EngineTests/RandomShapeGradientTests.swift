import Engine
import Testing

/// Gradient checks on shapes drawn at random; each seed is a test argument, so a failure names
/// the seed that reproduces it.
@Suite struct RandomShapeGradientTests {
  /// A shape of rank 0...3 with dimensions 1...4.
  static func randomShape(_ generator: inout RandomGenerator, minimumRank: Int = 0) -> Shape {
    let rank = minimumRank + generator.int(below: 4 - minimumRank)
    return Shape((0..<rank).map { _ in 1 + generator.int(below: 4) })
  }

  /// A shape that broadcasts with `shape`: some leading dimensions dropped, some others set to 1.
  static func broadcastPartner(of shape: Shape, _ generator: inout RandomGenerator) -> Shape {
    let dropped = generator.int(below: shape.rank + 1)
    return Shape(shape.dimensions.dropFirst(dropped).map { generator.int(below: 2) == 0 ? 1 : $0 })
  }

  @Test(arguments: 1...25)
  func broadcastingArithmetic(seed: Int) throws {
    var generator = RandomGenerator(seed: UInt64(seed))
    let full = Self.randomShape(&generator)
    let partner = Self.broadcastPartner(of: full, &generator)
    let (a, b) = generator.int(below: 2) == 0 ? (full, partner) : (partner, full)
    try checkGradients([a, b], seed: UInt64(seed)) { try $0[0] * $0[1] - $0[1] }
    try checkGradients([a, b], seed: UInt64(seed), positive: true) { try $0[0] / ($0[1] + $0[0]) }
  }

  @Test(arguments: 1...25)
  func reductionsOverARandomAxis(seed: Int) throws {
    var generator = RandomGenerator(seed: UInt64(seed))
    let shape = Self.randomShape(&generator, minimumRank: 1)
    let axis = generator.int(below: shape.rank)
    let keep = generator.int(below: 2) == 0
    try checkGradients([shape], seed: UInt64(seed)) {
      try $0[0].sum(alongAxis: axis, keepingDimension: keep).tanh()
    }
    try checkGradients([shape], seed: UInt64(seed)) {
      try $0[0].variance(alongAxis: axis, keepingDimension: keep)
    }
    try checkGradients([shape], seed: UInt64(seed)) { try $0[0].logSoftmax(alongAxis: axis) }
  }
}
