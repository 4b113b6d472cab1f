/// A trainable tensor of a layer: its values, the gradient of the loss with respect to them, and
/// whether it is frozen.
///
/// Shapes follow PyTorch: a dense layer's weight is `[outputs, inputs]`, its bias `[outputs]`.
/// Backward passes *add* to `gradient` (as PyTorch's `.grad` does); the fit loop zeroes it before
/// each step.
public final class Parameter {
  /// The name within its layer, as in PyTorch's `state_dict`: "weight", "bias".
  public let name: String
  /// The shape, outermost dimension first.
  public let shape: [Int]
  /// The values, row-major.
  public var value: [Float]
  /// ∂loss/∂value, accumulated by backward passes.
  public var gradient: [Float]
  /// A frozen parameter keeps its values: no gradient is computed for it and optimizers skip it.
  public var isFrozen = false

  /// Creates a parameter with the given values and a zero gradient.
  public init(name: String, shape: [Int], value: [Float]) {
    precondition(
      shape.reduce(1, *) == value.count, "parameter \(name) of shape \(shape) got \(value.count) values")
    self.name = name
    self.shape = shape
    self.value = value
    self.gradient = [Float](repeating: 0, count: value.count)
  }

  /// The number of values.
  public var count: Int { value.count }

  /// Sets the gradient to zero.
  public func zeroGradient() {
    gradient.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
  }
}
