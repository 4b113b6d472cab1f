/// A mistake in the shapes or arguments given to an operation, reported instead of a crash.
///
/// The message names the operation and the shapes involved, e.g.
/// `matmul: cannot multiply [32, 3] by [4, 16]: inner dimensions 3 and 4 differ`.
public struct ShapeError: Error, CustomStringConvertible, Equatable, Sendable {
  /// The operation that refused its operands, e.g. `"add"` or `"matmul"`.
  public let operation: String
  /// What is wrong, naming the shapes.
  public let message: String

  /// Creates an error for `operation` with a message that names the shapes.
  public init(_ operation: String, _ message: String) {
    self.operation = operation
    self.message = message
  }

  /// The error for two shapes that do not broadcast together.
  static func incompatible(_ operation: String, _ a: Shape, _ b: Shape) -> ShapeError {
    ShapeError(operation, "shapes \(a) and \(b) do not broadcast together")
  }

  /// `operation: message`.
  public var description: String { "\(operation): \(message)" }
}
