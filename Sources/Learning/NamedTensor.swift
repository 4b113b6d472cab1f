/// A named tensor of a model's saved state, as it is written to a checkpoint.
///
/// Kept until learning-infra's safetensors codec (which defines the same type) is merged.
public struct NamedTensor: Sendable, Equatable {
  /// The name, e.g. `0.weight` or `1.running_mean`.
  public var name: String
  /// The shape; `[]` for a scalar.
  public var shape: [Int]
  /// The values, row-major.
  public var values: [Float]

  /// Creates a named tensor; the values must fill the shape.
  public init(name: String, shape: [Int], values: [Float]) {
    precondition(shape.reduce(1, *) == values.count, "tensor \(name) does not fill shape \(shape)")
    self.name = name
    self.shape = shape
    self.values = values
  }
}
