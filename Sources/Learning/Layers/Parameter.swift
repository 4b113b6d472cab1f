import Engine

/// A trainable tensor of a layer: a leaf of the engine's autodiff graph that persists across
/// training steps, under its `state_dict` name, and whether it is frozen.
///
/// Shapes follow PyTorch: a dense layer's weight is `[outputs, inputs]`, its bias `[outputs]`.
/// `backward()` *adds* to the gradient (as PyTorch's `.grad`); the fit loop zeroes it before each
/// step. A frozen parameter is a tensor that requires no gradient, so the graph neither records
/// nor back-propagates through it on its account (PyTorch's `requires_grad_(False)`).
public final class Parameter {
  /// The name within its layer, as in PyTorch's `state_dict`: "weight", "bias".
  public let name: String
  /// The shape, outermost dimension first.
  public let shape: [Int]
  /// The tensor operations read; replaced (sharing its values) when the parameter is frozen or
  /// unfrozen.
  public private(set) var tensor: Tensor

  /// Creates a parameter with the given values and no gradient yet.
  public init(name: String, shape: [Int], value: [Float]) {
    precondition(
      shape.reduce(1, *) == value.count,
      "parameter \(name) of shape \(shape) got \(value.count) values")
    self.name = name
    self.shape = shape
    tensor = Tensor(shape: Shape(shape), storage: .copying(value), requiresGradient: true)
  }

  /// A frozen parameter keeps its values: no gradient is computed for it and optimizers skip it.
  public var isFrozen: Bool {
    get { !tensor.requiresGradient }
    set {
      guard newValue == tensor.requiresGradient else { return }
      tensor = Tensor(shape: tensor.shape, storage: tensor.storage, requiresGradient: !newValue)
    }
  }

  /// The values, row-major (a copy; setting one writes the values in place).
  public var value: [Float] {
    get { tensor.values }
    set {
      precondition(newValue.count == count, "parameter \(name) needs \(count) values")
      tensor.updateInPlace { values, _ in _ = values.update(fromContentsOf: newValue) }
    }
  }

  /// ∂loss/∂value accumulated by backward passes so far (zeros before the first).
  public var gradient: [Float] { tensor.gradient ?? [Float](repeating: 0, count: count) }

  /// The number of values.
  public var count: Int { tensor.elementCount }

  /// Sets the gradient to zero.
  public func zeroGradient() { tensor.zeroGradient() }
}
