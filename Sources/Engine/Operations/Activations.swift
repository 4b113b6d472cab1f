/// max(x, 0); derivative 1 where x > 0, else 0 (PyTorch's choice at 0).
struct ReLU: UnaryOperation {
  @inline(__always) func apply(_ x: Vector) -> Vector { x.replacing(with: 0, where: x .< 0) }
  @inline(__always) func gradient(_ g: Vector, input x: Vector, output y: Vector) -> Vector {
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
    (alpha * exponentialMinusOne(x)).replacing(with: x, where: x .> 0)
  }
  func gradient(_ g: Vector, input x: Vector, output y: Vector) -> Vector {
    (g * (y + alpha)).replacing(with: g, where: x .> 0)
  }
}

/// σ(x) = 1 / (1 + e^(−x)); σ′ = σ(1 − σ).
struct Sigmoid: UnaryOperation {
  @inline(__always) func apply(_ x: Vector) -> Vector { logisticSigmoid(x) }
  @inline(__always) func gradient(_ g: Vector, input x: Vector, output y: Vector) -> Vector {
    g * y * (1 - y)
  }
}

/// tanh(x); tanh′ = 1 − tanh².
struct HyperbolicTangent: UnaryOperation {
  @inline(__always) func apply(_ x: Vector) -> Vector { hyperbolicTangent(x) }
  @inline(__always) func gradient(_ g: Vector, input x: Vector, output y: Vector) -> Vector {
    g * (1 - y * y)
  }
}

/// GELU(x) = x · Φ(x), Φ the standard normal distribution function (Hendrycks and Gimpel 2016;
/// PyTorch's exact form, not the tanh approximation); derivative Φ(x) + x · φ(x).
struct GELU: UnaryOperation {
  func apply(_ x: Vector) -> Vector { geluValue(x) }
  func gradient(_ g: Vector, input x: Vector, output y: Vector) -> Vector { g * geluSlope(x) }
}

/// softplus(x) = log(1 + eˣ), computed as max(x, 0) + log(1 + e^(−|x|)); derivative σ(x).
struct Softplus: UnaryOperation {
  func apply(_ x: Vector) -> Vector { softplusValue(x) }
  func gradient(_ g: Vector, input x: Vector, output y: Vector) -> Vector {
    g * logisticSigmoid(x)
  }
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
