import Foundation

/// An elementwise nonlinearity, with PyTorch's definitions and defaults.
///
/// | name | f(x) | f′(x) |
/// | --- | --- | --- |
/// | relu | max(0, x) | 1 if x > 0 else 0 |
/// | leakyReLU(s) | x if x > 0 else s·x (s = 0.01) | 1 if x > 0 else s |
/// | elu(α) | x if x > 0 else α(eˣ − 1) (α = 1) | 1 if x > 0 else f(x) + α |
/// | sigmoid | 1 / (1 + e⁻ˣ) | f(x)(1 − f(x)) |
/// | tanh | tanh x | 1 − f(x)² |
/// | gelu | x·Φ(x) = x/2 · (1 + erf(x/√2)) (exact, not the tanh approximation) | Φ(x) + x·φ(x) |
/// | softplus | log(1 + eˣ), x itself above 20 | sigmoid(x) |
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

  /// f(x) for every value.
  func apply(_ x: [Float]) -> [Float] {
    switch self {
    case .relu: return map(x) { max($0, 0) }
    case .leakyReLU(let slope): return map(x) { $0 > 0 ? $0 : slope * $0 }
    case .elu(let alpha): return map(x) { $0 > 0 ? $0 : alpha * Foundation.expm1($0) }
    case .sigmoid: return map(x) { logistic($0) }
    case .tanh: return map(x) { Foundation.tanh($0) }
    case .gelu: return map(x) { 0.5 * $0 * (1 + Foundation.erf($0 * 0.707_106_77)) }
    case .softplus: return map(x) { $0 > 20 ? $0 : Foundation.log1p(Foundation.exp($0)) }
    }
  }

  /// ∂loss/∂x = ∂loss/∂y · f′(x), from the input `x` and output `y` of the forward pass.
  func backward(gradient g: [Float], input x: [Float], output y: [Float]) -> [Float] {
    switch self {
    case .relu: return zipMap(g, x) { $1 > 0 ? $0 : 0 }
    case .leakyReLU(let slope): return zipMap(g, x) { $1 > 0 ? $0 : slope * $0 }
    case .elu(let alpha): return zip3Map(g, x, y) { $1 > 0 ? $0 : $0 * ($2 + alpha) }
    case .sigmoid: return zipMap(g, y) { $0 * $1 * (1 - $1) }
    case .tanh: return zipMap(g, y) { $0 * (1 - $1 * $1) }
    case .gelu:
      return zipMap(g, x) { g, x in
        let cdf = 0.5 * (1 + Foundation.erf(x * 0.707_106_77))
        let density = Foundation.exp(-0.5 * x * x) * 0.398_942_3
        return g * (cdf + x * density)
      }
    case .softplus: return zipMap(g, x) { $1 > 20 ? $0 : $0 * logistic($1) }
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

@inline(__always)
private func map(_ x: [Float], _ f: (Float) -> Float) -> [Float] {
  [Float](unsafeUninitializedCapacity: x.count) { result, count in
    x.withUnsafeBufferPointer { x in
      for i in 0..<x.count { result[i] = f(x[i]) }
    }
    count = x.count
  }
}

@inline(__always)
private func zipMap(_ a: [Float], _ b: [Float], _ f: (Float, Float) -> Float) -> [Float] {
  [Float](unsafeUninitializedCapacity: a.count) { result, count in
    a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in
        for i in 0..<a.count { result[i] = f(a[i], b[i]) }
      }
    }
    count = a.count
  }
}

@inline(__always)
private func zip3Map(
  _ a: [Float], _ b: [Float], _ c: [Float], _ f: (Float, Float, Float) -> Float
) -> [Float] {
  [Float](unsafeUninitializedCapacity: a.count) { result, count in
    a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in
        c.withUnsafeBufferPointer { c in
          for i in 0..<a.count { result[i] = f(a[i], b[i], c[i]) }
        }
      }
    }
    count = a.count
  }
}

/// An activation function as a layer of a sequential model (`nn.ReLU()` and friends).
public final class ActivationLayer: Layer {
  /// The function applied to every value.
  public let function: Activation
  private var lastInput: [Float] = []
  private var lastOutput: [Float] = []

  /// Creates the layer.
  public init(_ function: Activation) { self.function = function }

  /// PyTorch's class name.
  public var kind: String { function.pytorchName }

  /// f(x) elementwise.
  public func forward(_ input: Matrix, pass: inout ForwardPass) -> Matrix {
    lastInput = input.values
    lastOutput = function.apply(input.values)
    return Matrix(rows: input.rows, columns: input.columns, values: lastOutput)
  }

  /// ∂loss/∂x = ∂loss/∂y · f′(x).
  public func backward(_ outputGradient: Matrix, needsInputGradient: Bool) -> Matrix? {
    guard needsInputGradient else { return nil }
    let values = function.backward(
      gradient: outputGradient.values, input: lastInput, output: lastOutput)
    return Matrix(rows: outputGradient.rows, columns: outputGradient.columns, values: values)
  }
}
