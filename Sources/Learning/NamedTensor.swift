/// A named tensor of a model's or a training run's saved state, as it is written to a checkpoint.
public struct NamedTensor: Sendable, Equatable {
  /// The values of a tensor: 32-bit floats, or 64-bit integers (PyTorch's `num_batches_tracked`).
  public enum Values: Sendable, Equatable {
    /// 32-bit floats (safetensors dtype `F32`).
    case float32([Float])
    /// 64-bit signed integers (safetensors dtype `I64`).
    case int64([Int64])

    /// The number of values.
    public var count: Int {
      switch self {
      case .float32(let values): values.count
      case .int64(let values): values.count
      }
    }
  }

  /// The name, e.g. `0.weight` or `1.running_mean`.
  public var name: String
  /// The shape; `[]` for a scalar.
  public var shape: [Int]
  /// The values, row-major.
  public var values: Values

  /// Creates a named tensor; the values must fill the shape.
  public init(name: String, shape: [Int], values: Values) {
    precondition(shape.reduce(1, *) == values.count, "tensor \(name) does not fill shape \(shape)")
    self.name = name
    self.shape = shape
    self.values = values
  }

  /// The floats, or nil for an integer tensor.
  public var floats: [Float]? {
    if case .float32(let values) = values { values } else { nil }
  }
}
