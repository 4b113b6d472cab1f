import Foundation

/// max(x, 0); derivative 1 where x > 0, else 0 (PyTorch's choice at 0).
struct ReLU: UnaryOperation {
  func apply(_ x: Vector) -> Vector { x.replacing(with: 0, where: x .< 0) }
  func gradient(_ g: Vector, input x: Vector, output y: Vector) -> Vector {
    Vector().replacing(with: g, where: x .> 0)
  }
}

/// x for x > 0, else slope · x; derivative 1 or slope.
struct LeakyReLU: UnaryOperation {
  let slope: Float
  func apply(_ x: Vector) -> Vector { (x * slope).replacing(with: x, where: x .> 0) }
  func gradient(_ g: Vector, input x: Vector, output y: Vector) -> Vector {
    (g * slope).replacing(with: g, where: x .> 0)
  }
}

/// x for x > 0, else α(eˣ − 1) (Clevert et al. 2015); derivative 1, or y + α.
struct ELU: UnaryOperation {
  let alpha: Float
  func apply(_ x: Vector) -> Vector {
    eachLane(x) { $0 > 0 ? $0 : alpha * Foundation.expm1($0) }
  }
  func gradient(_ g: Vector, input x: Vector, output y: Vector) -> Vector {
    (g * (y + alpha)).replacing(with: g, where: x .> 0)
  }
}

/// σ(x) = 1 / (1 + e^(−x)); σ′ = σ(1 − σ).
struct Sigmoid: UnaryOperation {
  func apply(_ x: Vector) -> Vector { eachLane(x, stableSigmoid) }
  func gradient(_ g: Vector, input x: Vector, output y: Vector) -> Vector {
    g * y * (1 - y)
  }
}

/// tanh(x); tanh′ = 1 − tanh².
struct HyperbolicTangent: UnaryOperation {
  func apply(_ x: Vector) -> Vector { eachLane(x, Foundation.tanh) }
  func gradient(_ g: Vector, input x: Vector, output y: Vector) -> Vector {
    g * (1 - y * y)
  }
}

/// GELU(x) = x · Φ(x), Φ the standard normal distribution function (Hendrycks and Gimpel 2016;
/// PyTorch's exact form, not the tanh approximation); derivative Φ(x) + x · φ(x).
struct GELU: UnaryOperation {
  func apply(_ x: Vector) -> Vector { eachLane(x) { $0 * normalDistribution($0) } }
  func gradient(_ g: Vector, input x: Vector, output y: Vector) -> Vector {
    g
      * eachLane(x) { x in
        normalDistribution(x) + x * Foundation.exp(-0.5 * x * x) * 0.398_942_28  // 1/√(2π)
      }
  }
}

/// softplus(x) = log(1 + eˣ), computed as max(x, 0) + log(1 + e^(−|x|)); derivative σ(x).
struct Softplus: UnaryOperation {
  func apply(_ x: Vector) -> Vector {
    eachLane(x) { max($0, 0) + Foundation.log1p(negativeExponential(abs($0))) }
  }
  func gradient(_ g: Vector, input x: Vector, output y: Vector) -> Vector {
    g * eachLane(x, stableSigmoid)
  }
}

/// σ(x) computed without overflow: for x < 0 as eˣ / (1 + eˣ).
@inline(__always)
func stableSigmoid(_ x: Float) -> Float {
  if x >= 0 { return 1 / (1 + negativeExponential(x)) }
  let e = negativeExponential(-x)
  return e / (1 + e)
}

/// e^(−a) for a ≥ 0 (NaN for NaN), taken as 0 from a = 87 on, where it falls below the smallest
/// normal float: there the C library's `expf` takes a slow underflow path (measured: 4% of a
/// small network's training once its logits grow), for a value too small to change the sums it
/// goes into.
@inline(__always)
func negativeExponential(_ a: Float) -> Float {
  a >= 87 ? 0 : Foundation.exp(-a)
}

/// Φ(x) = (1 + erf(x / √2)) / 2, the standard normal distribution function.
@inline(__always)
func normalDistribution(_ x: Float) -> Float {
  0.5 * (1 + Foundation.erf(x * 0.707_106_78))
}

extension Tensor {
  /// The rectified linear unit max(x, 0), elementwise.
  public func relu() -> Tensor { map(ReLU()) }

  /// x where x > 0, else `slope` · x (PyTorch's default slope 0.01), elementwise.
  public func leakyRelu(slope: Float = 0.01) -> Tensor { map(LeakyReLU(slope: slope)) }

  /// The exponential linear unit: x where x > 0, else α(eˣ − 1), elementwise.
  public func elu(alpha: Float = 1) -> Tensor { map(ELU(alpha: alpha)) }

  /// The logistic sigmoid 1 / (1 + e^(−x)), elementwise.
  public func sigmoid() -> Tensor { map(Sigmoid()) }

  /// The hyperbolic tangent, elementwise.
  public func tanh() -> Tensor { map(HyperbolicTangent()) }

  /// The Gaussian error linear unit x · Φ(x) (exact, with erf), elementwise.
  public func gelu() -> Tensor { map(GELU()) }

  /// softplus(x) = log(1 + eˣ), a smooth relu, elementwise; stable for large |x|.
  public func softplus() -> Tensor { map(Softplus()) }
}
