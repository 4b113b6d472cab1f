/// a + b; ∂/∂a = 1, ∂/∂b = 1.
enum Addition: BinaryOperation {
  static let name = "add"
  static func apply(_ a: Vector, _ b: Vector) -> Vector { a + b }
  static func gradientA(_ g: Vector, _ a: Vector, _ b: Vector) -> Vector { g }
  static func gradientB(_ g: Vector, _ a: Vector, _ b: Vector) -> Vector { g }
}

/// a − b; ∂/∂a = 1, ∂/∂b = −1.
enum Subtraction: BinaryOperation {
  static let name = "subtract"
  static func apply(_ a: Vector, _ b: Vector) -> Vector { a - b }
  static func gradientA(_ g: Vector, _ a: Vector, _ b: Vector) -> Vector { g }
  static func gradientB(_ g: Vector, _ a: Vector, _ b: Vector) -> Vector { -g }
}

/// a · b; ∂/∂a = b, ∂/∂b = a.
enum Multiplication: BinaryOperation {
  static let name = "multiply"
  static func apply(_ a: Vector, _ b: Vector) -> Vector { a * b }
  static func gradientA(_ g: Vector, _ a: Vector, _ b: Vector) -> Vector { g * b }
  static func gradientB(_ g: Vector, _ a: Vector, _ b: Vector) -> Vector { g * a }
}

/// a / b; ∂/∂a = 1/b, ∂/∂b = −a/b².
enum Division: BinaryOperation {
  static let name = "divide"
  static func apply(_ a: Vector, _ b: Vector) -> Vector { a / b }
  static func gradientA(_ g: Vector, _ a: Vector, _ b: Vector) -> Vector { g / b }
  static func gradientB(_ g: Vector, _ a: Vector, _ b: Vector) -> Vector { -g * a / (b * b) }
}

extension Tensor {
  /// Elementwise sum with NumPy broadcasting; throws if the shapes do not broadcast.
  public static func + (a: Tensor, b: Tensor) throws -> Tensor { try combine(Addition.self, a, b) }

  /// Elementwise difference with NumPy broadcasting; throws if the shapes do not broadcast.
  public static func - (a: Tensor, b: Tensor) throws -> Tensor {
    try combine(Subtraction.self, a, b)
  }

  /// Elementwise product with NumPy broadcasting; throws if the shapes do not broadcast.
  public static func * (a: Tensor, b: Tensor) throws -> Tensor {
    try combine(Multiplication.self, a, b)
  }

  /// Elementwise quotient with NumPy broadcasting; throws if the shapes do not broadcast.
  public static func / (a: Tensor, b: Tensor) throws -> Tensor { try combine(Division.self, a, b) }

  /// Adds a number to every element.
  public static func + (a: Tensor, b: Float) -> Tensor { a.combineScalar(Addition.self, b) }

  /// Subtracts a number from every element.
  public static func - (a: Tensor, b: Float) -> Tensor { a.combineScalar(Subtraction.self, b) }

  /// Multiplies every element by a number.
  public static func * (a: Tensor, b: Float) -> Tensor { a.combineScalar(Multiplication.self, b) }

  /// Divides every element by a number.
  public static func / (a: Tensor, b: Float) -> Tensor { a.combineScalar(Division.self, b) }

  /// Multiplies every element by a number.
  public static func * (a: Float, b: Tensor) -> Tensor { b.combineScalar(Multiplication.self, a) }

  /// `f(self, number)` elementwise; a scalar broadcasts against every shape.
  func combineScalar<Operation: BinaryOperation>(_ operation: Operation.Type, _ number: Float)
    -> Tensor
  {
    do {
      return try Tensor.combine(operation, self, Tensor(scalar: number))
    } catch {
      preconditionFailure("a scalar broadcasts against every shape")
    }
  }
}
