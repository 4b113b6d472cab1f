import Engine

/// How a dense layer's weights are drawn before training.
///
/// With `fanIn` inputs and `fanOut` outputs:
/// - `kaimingUniform`: U(−b, b), b = √(6 / fanIn) — He et al. 2015, for ReLU networks
///   (PyTorch's `kaiming_uniform_` with its default gain √2).
/// - `kaimingNormal`: N(0, 2 / fanIn).
/// - `xavierUniform`: U(−b, b), b = √(6 / (fanIn + fanOut)) — Glorot and Bengio 2010, for tanh and
///   sigmoid networks.
/// - `xavierNormal`: N(0, 2 / (fanIn + fanOut)).
/// - `pytorchDefault`: U(−1/√fanIn, 1/√fanIn) for weights *and* biases, what `nn.Linear` does.
///
/// Biases start at zero except with `pytorchDefault`.
public enum Initialization: String, Sendable, CaseIterable {
  case kaimingUniform, kaimingNormal, xavierUniform, xavierNormal, pytorchDefault

  /// Draws `fanIn × fanOut` weights.
  func weights(fanIn: Int, fanOut: Int, generator: inout RandomGenerator) -> [Float] {
    let count = fanIn * fanOut
    let fanIn = Double(fanIn)
    let fanOut = Double(fanOut)
    func uniform(_ bound: Double, _ generator: inout RandomGenerator) -> [Float] {
      (0..<count).map { _ in Float(generator.uniform(-bound, bound)) }
    }
    func normal(_ deviation: Double, _ generator: inout RandomGenerator) -> [Float] {
      (0..<count).map { _ in Float(generator.normal(deviation: deviation)) }
    }
    switch self {
    case .kaimingUniform: return uniform((6 / fanIn).squareRoot(), &generator)
    case .kaimingNormal: return normal((2 / fanIn).squareRoot(), &generator)
    case .xavierUniform: return uniform((6 / (fanIn + fanOut)).squareRoot(), &generator)
    case .xavierNormal: return normal((2 / (fanIn + fanOut)).squareRoot(), &generator)
    case .pytorchDefault: return uniform(1 / fanIn.squareRoot(), &generator)
    }
  }

  /// Draws `fanOut` biases.
  func biases(fanIn: Int, fanOut: Int, generator: inout RandomGenerator) -> [Float] {
    guard self == .pytorchDefault else { return [Float](repeating: 0, count: fanOut) }
    let bound = 1 / Double(fanIn).squareRoot()
    return (0..<fanOut).map { _ in Float(generator.uniform(-bound, bound)) }
  }
}
