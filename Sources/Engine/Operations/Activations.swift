import Foundation

/// max(x, 0); derivative 1 where x > 0, else 0 (PyTorch's choice at 0).
enum ReLU: UnaryOperation {
  static func apply(_ x: Vector) -> Vector { pointwiseMax(x, Vector()) }
  static func gradient(_ g: Vector, input x: Vector, output y: Vector) -> Vector {
    Vector().replacing(with: g, where: x .> 0)
  }
}

/// σ(x) = 1 / (1 + e^(−x)); σ′ = σ(1 − σ).
enum Sigmoid: UnaryOperation {
  static func apply(_ x: Vector) -> Vector { eachLane(x, stableSigmoid) }
  static func gradient(_ g: Vector, input x: Vector, output y: Vector) -> Vector {
    g * y * (1 - y)
  }
}

/// tanh(x); tanh′ = 1 − tanh².
enum HyperbolicTangent: UnaryOperation {
  static func apply(_ x: Vector) -> Vector { eachLane(x, Foundation.tanh) }
  static func gradient(_ g: Vector, input x: Vector, output y: Vector) -> Vector {
    g * (1 - y * y)
  }
}

/// σ(x) computed without overflow: for x < 0 as e^x / (1 + e^x).
@inline(__always)
func stableSigmoid(_ x: Float) -> Float {
  if x >= 0 { return 1 / (1 + Foundation.exp(-x)) }
  let e = Foundation.exp(x)
  return e / (1 + e)
}

extension Tensor {
  /// The rectified linear unit max(x, 0), elementwise.
  public func relu() -> Tensor { map(ReLU.self) }

  /// The logistic sigmoid 1 / (1 + e^(−x)), elementwise.
  public func sigmoid() -> Tensor { map(Sigmoid.self) }

  /// The hyperbolic tangent, elementwise.
  public func tanh() -> Tensor { map(HyperbolicTangent.self) }
}
