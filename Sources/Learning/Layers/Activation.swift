import Engine
import Foundation

/// An elementwise nonlinearity, with PyTorch's definitions and defaults.
///
/// Each is the engine's operation of the same name, whose backward applies f′:
///
/// | name | f(x) | f′(x) |
/// | --- | --- | --- |
/// | relu | max(0, x) | 1 if x > 0 else 0 |
/// | leakyReLU(s) | x if x > 0 else s·x (s = 0.01) | 1 if x > 0 else s |
/// | elu(α) | x if x > 0 else α(eˣ − 1) (α = 1) | 1 if x > 0 else f(x) + α |
/// | sigmoid | 1 / (1 + e⁻ˣ) | f(x)(1 − f(x)) |
/// | tanh | tanh x | 1 − f(x)² |
/// | gelu | x·Φ(x) = x/2 · (1 + erf(x/√2)) (exact, not the tanh approximation) | Φ(x) + x·φ(x) |
/// | softplus | log(1 + eˣ), as max(x, 0) + log(1 + e^−\|x\|) | sigmoid(x) |
public enum Activation: Sendable, Equatable {
  case relu
  case leakyReLU(slope: Float = 0.01)
  case elu(alpha: Float = 1)
  case sigmoid
  case tanh
  case gelu
  case softplus

  /// PyTorch's class name: "ReLU", "LeakyReLU", "ELU", "Sigmoid", "Tanh", "GELU", "Softplus".
  public var pytorchName: String {
    switch self {
    case .relu: "ReLU"
    case .leakyReLU: "LeakyReLU"
    case .elu: "ELU"
    case .sigmoid: "Sigmoid"
    case .tanh: "Tanh"
    case .gelu: "GELU"
    case .softplus: "Softplus"
    }
  }

  /// f applied to every value of `x`.
  func apply(_ x: Tensor) -> Tensor {
    switch self {
    case .relu: x.relu()
    case .leakyReLU(let slope): x.leakyRelu(slope: slope)
    case .elu(let alpha): x.elu(alpha: alpha)
    case .sigmoid: x.sigmoid()
    case .tanh: x.tanh()
    case .gelu: x.gelu()
    case .softplus: x.softplus()
    }
  }

  /// The same function as the engine fuses into a dense layer's product, if it can.
  var fused: FusedActivation? {
    switch self {
    case .relu: .relu
    case .sigmoid: .sigmoid
    case .tanh: .tanh
    default: nil
    }
  }
}

/// The logistic function 1 / (1 + e⁻ˣ), computed without overflow for any x.
@inline(__always)
func logistic(_ x: Float) -> Float {
  if x >= 0 { return 1 / (1 + Foundation.exp(-x)) }
  let e = Foundation.exp(x)
  return e / (1 + e)
}

/// An activation function as a layer of a sequential model (`nn.ReLU()` and friends).
public final class ActivationLayer: Layer {
  /// The function applied to every value.
  public let function: Activation

  /// Creates the layer.
  public init(_ function: Activation) { self.function = function }

  /// PyTorch's class name.
  public var kind: String { function.pytorchName }

  /// f(x) elementwise.
  public func forward(_ input: Tensor, pass: inout ForwardPass) throws -> Tensor {
    function.apply(input)
  }
}
