import Engine
import Testing

/// Pairs of shapes that broadcast in every direction: equal, a row vector on either side, a
/// column against a row, a scalar on either side, and missing leading dimensions.
let broadcastingPairs: [(Shape, Shape)] = [
  ([3, 4], [3, 4]), ([3, 4], [4]), ([4], [3, 4]), ([3, 1], [1, 4]), ([1, 4], [3, 1]),
  ([2, 3, 4], [3, 1]), ([3, 1], [2, 3, 4]), ([], [2, 3]), ([2, 3], []), ([2, 1, 4], [3, 1]),
  ([20], [20]), ([2, 9, 11], [9, 1]),
]

@Suite struct ElementwiseGradientTests {
  @Test(arguments: broadcastingPairs)
  func arithmetic(a: Shape, b: Shape) throws {
    try checkGradients([a, b]) { try $0[0] + $0[1] }
    try checkGradients([a, b]) { try $0[0] - $0[1] }
    try checkGradients([a, b]) { try $0[0] * $0[1] }
    try checkGradients([a, b], positive: true) { try $0[0] / $0[1] }
  }

  /// Ties make max and min non-differentiable; a small step keeps random points clear of them.
  @Test(arguments: broadcastingPairs)
  func maximumMinimumAndPower(a: Shape, b: Shape) throws {
    try checkGradients([a, b], step: 1e-3) { try maximum($0[0], $0[1]) }
    try checkGradients([a, b], step: 1e-3) { try minimum($0[0], $0[1]) }
    try checkGradients([a, b], positive: true) { try $0[0].pow($0[1]) }
  }

  @Test func scalarOperands() throws {
    try checkGradients([[3, 5]]) { $0[0] + 2 }
    try checkGradients([[3, 5]]) { $0[0] - 2 }
    try checkGradients([[3, 5]]) { $0[0] * 3 }
    try checkGradients([[3, 5]]) { 3 * $0[0] }
    try checkGradients([[3, 5]]) { $0[0] / 4 }
  }

  @Test(arguments: [[17], [3, 5], [2, 3, 4]] as [Shape])
  func mathFunctions(shape: Shape) throws {
    try checkGradients([shape]) { -$0[0] }
    try checkGradients([shape]) { $0[0].exp() }
    try checkGradients([shape], positive: true) { $0[0].log() }
    try checkGradients([shape], positive: true) { $0[0].sqrt() }
    try checkGradients([shape], avoidingKinks: true) { $0[0].abs() }
    try checkGradients([shape], step: 1e-3) { try $0[0].clamped(min: -0.75, max: 1.25) }
    try checkGradients([shape], positive: true) { $0[0].pow(1.5) }
    try checkGradients([shape]) { $0[0].pow(3) }
  }

  @Test(arguments: [[17], [3, 5], [2, 3, 4]] as [Shape])
  func activations(shape: Shape) throws {
    try checkGradients([shape], avoidingKinks: true) { $0[0].relu() }
    try checkGradients([shape], avoidingKinks: true) { $0[0].leakyRelu(slope: 0.1) }
    try checkGradients([shape], avoidingKinks: true) { $0[0].elu(alpha: 0.7) }
    try checkGradients([shape]) { $0[0].sigmoid() }
    try checkGradients([shape]) { $0[0].tanh() }
    try checkGradients([shape]) { $0[0].gelu() }
    try checkGradients([shape]) { $0[0].softplus() }
  }

  /// An input used twice must receive both contributions (the graph is a DAG, not a tree).
  @Test func reusedInputsAccumulate() throws {
    try checkGradients([[4, 3]]) { x in try (x[0] * x[0]).sigmoid() * x[0] + x[0].exp() }
  }
}
