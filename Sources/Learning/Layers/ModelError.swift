/// A mistake in building, feeding or loading a model, explained in words a learner can act on.
public struct ModelError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The explanation.
  public let message: String

  /// Creates an error with an explanation.
  public init(_ message: String) { self.message = message }

  /// The explanation.
  public var description: String { message }
}
