/// −x; derivative −1.
struct Negation: UnaryOperation {
  func apply(_ x: Vector) -> Vector { -x }
  func gradient(_ g: Vector, input x: Vector, output y: Vector) -> Vector { -g }
}

/// eˣ; derivative eˣ = y.
struct Exponential: UnaryOperation {
  func apply(_ x: Vector) -> Vector { exponential(x) }
  func gradient(_ g: Vector, input x: Vector, output y: Vector) -> Vector { g * y }
}

/// ln x; derivative 1/x.
struct Logarithm: UnaryOperation {
  func apply(_ x: Vector) -> Vector { logarithm(x) }
  func gradient(_ g: Vector, input x: Vector, output y: Vector) -> Vector { g / x }
}

/// √x; derivative 1/(2√x) = 1/(2y).
struct SquareRoot: UnaryOperation {
  func apply(_ x: Vector) -> Vector { x.squareRoot() }
  func gradient(_ g: Vector, input x: Vector, output y: Vector) -> Vector { g / (2 * y) }
}

/// |x|; derivative sign(x) (0 at 0, as PyTorch).
struct AbsoluteValue: UnaryOperation {
  func apply(_ x: Vector) -> Vector { pointwiseMax(x, -x) }
  func gradient(_ g: Vector, input x: Vector, output y: Vector) -> Vector {
    Vector().replacing(with: g, where: x .> 0).replacing(with: -g, where: x .< 0)
  }
}

/// min(max(x, low), high); derivative 1 inside [low, high], else 0.
struct Clamp: UnaryOperation {
  let low: Float
  let high: Float
  func apply(_ x: Vector) -> Vector {
    pointwiseMin(pointwiseMax(x, Vector(repeating: low)), Vector(repeating: high))
  }
  func gradient(_ g: Vector, input x: Vector, output y: Vector) -> Vector {
    Vector().replacing(with: g, where: (x .>= low) .& (x .<= high))
  }
}

/// xᵖ for a constant p; derivative p · xᵖ⁻¹. The square is x · x (exact, and the commonest).
struct ConstantPower: UnaryOperation {
  let exponent: Float
  func apply(_ x: Vector) -> Vector {
    exponent == 2 ? x * x : power(x, Vector(repeating: exponent))
  }
  func gradient(_ g: Vector, input x: Vector, output y: Vector) -> Vector {
    g * exponent * (exponent == 2 ? x : power(x, Vector(repeating: exponent - 1)))
  }
}

/// max(a, b); the gradient goes to a where a ≥ b, else to b.
enum Maximum: BinaryOperation {
  static let name = "maximum"
  static func apply(_ a: Vector, _ b: Vector) -> Vector { pointwiseMax(a, b) }
  static func gradientA(_ g: Vector, _ a: Vector, _ b: Vector) -> Vector {
    Vector().replacing(with: g, where: a .>= b)
  }
  static func gradientB(_ g: Vector, _ a: Vector, _ b: Vector) -> Vector {
    Vector().replacing(with: g, where: a .< b)
  }
}

/// min(a, b); the gradient goes to a where a ≤ b, else to b.
enum Minimum: BinaryOperation {
  static let name = "minimum"
  static func apply(_ a: Vector, _ b: Vector) -> Vector { pointwiseMin(a, b) }
  static func gradientA(_ g: Vector, _ a: Vector, _ b: Vector) -> Vector {
    Vector().replacing(with: g, where: a .<= b)
  }
  static func gradientB(_ g: Vector, _ a: Vector, _ b: Vector) -> Vector {
    Vector().replacing(with: g, where: a .> b)
  }
}

/// aᵇ; ∂/∂a = b · aᵇ⁻¹, ∂/∂b = aᵇ · ln a (defined for a > 0).
enum Power: BinaryOperation {
  static let name = "pow"
  static func apply(_ a: Vector, _ b: Vector) -> Vector { power(a, b) }
  static func gradientA(_ g: Vector, _ a: Vector, _ b: Vector) -> Vector {
    g * b * apply(a, b - 1)
  }
  static func gradientB(_ g: Vector, _ a: Vector, _ b: Vector) -> Vector {
    g * apply(a, b) * logarithm(a)
  }
}

extension Tensor {
  /// −x, elementwise.
  public static prefix func - (x: Tensor) -> Tensor { x.map(Negation()) }

  /// eˣ, elementwise.
  public func exp() -> Tensor { map(Exponential()) }

  /// The natural logarithm, elementwise (−∞ at 0, NaN below).
  public func log() -> Tensor { map(Logarithm()) }

  /// The square root, elementwise (NaN below 0).
  public func sqrt() -> Tensor { map(SquareRoot()) }

  /// The absolute value, elementwise.
  public func abs() -> Tensor { map(AbsoluteValue()) }

  /// Each element limited to [low, high]; the gradient is zero where it was limited.
  /// Throws if low > high.
  public func clamped(min low: Float, max high: Float) throws -> Tensor {
    guard low <= high else {
      throw ShapeError("clamp", "the minimum \(low) is larger than the maximum \(high)")
    }
    return map(Clamp(low: low, high: high))
  }

  /// Each element raised to a constant power.
  public func pow(_ exponent: Float) -> Tensor { map(ConstantPower(exponent: exponent)) }

  /// Each element of `self` raised to the matching element of `exponent`, with broadcasting.
  public func pow(_ exponent: Tensor) throws -> Tensor {
    try Tensor.combine(Power.self, self, exponent)
  }
}

/// The larger of each pair of elements, with NumPy broadcasting.
public func maximum(_ a: Tensor, _ b: Tensor) throws -> Tensor {
  try Tensor.combine(Maximum.self, a, b)
}

/// The smaller of each pair of elements, with NumPy broadcasting.
public func minimum(_ a: Tensor, _ b: Tensor) throws -> Tensor {
  try Tensor.combine(Minimum.self, a, b)
}
