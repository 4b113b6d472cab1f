/// An n-dimensional array of 32-bit floats in row-major order, and a node of the autodiff graph.
///
/// A tensor made by an operation on tensors that require gradients remembers its inputs and the
/// rule that sends its gradient back to them (`backward()` walks these records). Tensors are
/// reference objects, as in PyTorch: a parameter is one tensor that persists across training
/// steps, its gradient accumulates in place, and an optimizer updates its values in place through
/// `updateInPlace(_:)`. Apart from that, an operation never changes its operands' values.
///
/// A tensor may be shared between threads while nobody changes it; running `backward()` or
/// updating parameters must happen on one thread at a time.
public final class Tensor: @unchecked Sendable {
  /// The dimensions of this tensor.
  public let shape: Shape
  /// The values, row-major.
  package let storage: TensorStorage
  /// The accumulated gradient, allocated at the first `backward()` that reaches this tensor.
  package var gradientStorage: TensorStorage?
  /// Whether gradients flow to this tensor: a parameter, or the result of an operation on one.
  public let requiresGradient: Bool
  /// Whether this tensor was made directly (a parameter or constant), not by an operation.
  public let isLeaf: Bool
  /// The operands this tensor was computed from; emptied once `backward()` has used them.
  package var inputs: [Tensor]
  /// Adds this tensor's gradient, transformed by the operation's derivative, to its inputs'.
  package var backwardRule: ((Tensor) -> Void)?
  /// The number of the last graph walk that visited this tensor.
  package var visitMark: UInt64 = 0

  /// Creates a leaf tensor over existing storage.
  package init(shape: Shape, storage: TensorStorage, requiresGradient: Bool = false) {
    precondition(shape.elementCount == storage.count, "storage size must match the shape")
    self.shape = shape
    self.storage = storage
    self.requiresGradient = requiresGradient
    isLeaf = true
    inputs = []
    checkInvariants()
  }

  /// Creates the result of an operation, recording `inputs` and `backward` when a gradient may
  /// flow through it (some input requires one and gradient recording is on).
  package init(
    shape: Shape, storage: TensorStorage, inputs: [Tensor],
    backward: @escaping (_ output: Tensor) -> Void
  ) {
    self.shape = shape
    self.storage = storage
    isLeaf = false
    if GradientMode.isEnabled && inputs.contains(where: { $0.requiresGradient }) {
      requiresGradient = true
      self.inputs = inputs
      backwardRule = backward
    } else {
      requiresGradient = false
      self.inputs = []
    }
    checkInvariants()
  }

  /// Releases a graph that `backward()` never freed one node at a time, so that dropping a very
  /// deep graph cannot overflow the stack with nested deinitialisers.
  deinit {
    guard !inputs.isEmpty else { return }
    var pending = inputs
    inputs = []
    backwardRule = nil
    while var node = pending.popLast() {
      guard isKnownUniquelyReferenced(&node) else { continue }
      pending.append(contentsOf: node.inputs)
      node.inputs = []
      node.backwardRule = nil
    }
  }

  /// Creates a tensor of the given shape holding `values` in row-major order.
  ///
  /// Throws if the number of values does not match the shape.
  public convenience init(shape: Shape, values: [Float], requiresGradient: Bool = false) throws {
    guard values.count == shape.elementCount else {
      throw ShapeError(
        "tensor", "shape \(shape) needs \(shape.elementCount) values, got \(values.count)")
    }
    self.init(
      shape: shape, storage: .copying(values), requiresGradient: requiresGradient)
  }

  /// Creates a tensor of the given shape with every element equal to `value`.
  public convenience init(repeating value: Float, shape: Shape, requiresGradient: Bool = false) {
    let storage = TensorStorage.uninitialized(count: shape.elementCount)
    storage.withElements { $0.initialize(repeating: value) }
    self.init(shape: shape, storage: storage, requiresGradient: requiresGradient)
  }

  /// Creates a tensor of zeros.
  public convenience init(zeros shape: Shape, requiresGradient: Bool = false) {
    self.init(repeating: 0, shape: shape, requiresGradient: requiresGradient)
  }

  /// Creates a scalar (shape `[]`).
  public convenience init(scalar value: Float, requiresGradient: Bool = false) {
    self.init(repeating: value, shape: .scalar, requiresGradient: requiresGradient)
  }

  /// Creates a tensor of independent samples of N(mean, deviation²) drawn from `generator`.
  public convenience init(
    normalShape shape: Shape, mean: Float = 0, deviation: Float = 1,
    generator: inout RandomGenerator, requiresGradient: Bool = false
  ) {
    let values = (0..<shape.elementCount).map { _ in
      Float(generator.normal(mean: Double(mean), deviation: Double(deviation)))
    }
    self.init(shape: shape, storage: .copying(values), requiresGradient: requiresGradient)
  }

  /// Creates a tensor of independent samples of the uniform distribution on [low, high).
  public convenience init(
    uniformShape shape: Shape, low: Float, high: Float,
    generator: inout RandomGenerator, requiresGradient: Bool = false
  ) {
    let values = (0..<shape.elementCount).map { _ in
      Float(generator.uniform(Double(low), Double(high)))
    }
    self.init(shape: shape, storage: .copying(values), requiresGradient: requiresGradient)
  }

  /// The number of elements.
  public var elementCount: Int { shape.elementCount }

  /// A copy of the values, row-major.
  public var values: [Float] { storage.array }

  /// The value of a tensor with one element (a scalar, or any shape of size 1).
  public var scalar: Float {
    precondition(elementCount == 1, "scalar needs a tensor of one element, not \(shape)")
    return storage[0]
  }

  /// A copy of the accumulated gradient, or nil if no backward pass has reached this tensor.
  public var gradient: [Float]? { gradientStorage?.array }

  /// Forgets the accumulated gradient (sets it to zero), as before a new training step.
  public func zeroGradient() {
    gradientStorage?.zero()
  }

  /// A new leaf tensor with a copy of these values; `requiresGradient` as given.
  public func copy(requiresGradient: Bool = false) -> Tensor {
    Tensor(shape: shape, storage: storage.copy(), requiresGradient: requiresGradient)
  }

  /// Lets `body` change this tensor's values and gradient in place, as an optimizer step does.
  ///
  /// `gradient` is empty when no gradient has been accumulated yet. The buffers are valid only
  /// inside `body`. Changing the values of a tensor that a live graph still uses changes what that
  /// graph's backward pass computes; optimizers run after `backward()`, when it is gone.
  public func updateInPlace<Result>(
    _ body: (
      _ values: UnsafeMutableBufferPointer<Float>, _ gradient: UnsafeMutableBufferPointer<Float>
    ) throws -> Result
  ) rethrows -> Result {
    try storage.withElements { values in
      guard let gradientStorage else {
        return try body(values, UnsafeMutableBufferPointer(start: nil, count: 0))
      }
      return try gradientStorage.withElements { gradient in try body(values, gradient) }
    }
  }

  /// Replaces the values with a copy of `values`; throws if the count differs from the shape's.
  public func assign(_ values: [Float]) throws {
    guard values.count == elementCount else {
      throw ShapeError("assign", "shape \(shape) needs \(elementCount) values, got \(values.count)")
    }
    storage.withElements { _ = $0.update(fromContentsOf: values) }
  }

  /// The gradient buffer, created as zeros the first time a backward rule adds to it.
  package var gradientAccumulator: TensorStorage {
    @inline(__always) get {
      if let existing = gradientStorage { return existing }
      let created = TensorStorage.zeros(count: elementCount)
      gradientStorage = created
      return created
    }
  }
}

extension Tensor: CustomStringConvertible {
  /// The shape and up to eight values, e.g. `Tensor[2, 2]([1.0, 2.0, 3.0, 4.0])`.
  public var description: String {
    let shown = storage.array.prefix(8).map { String($0) }.joined(separator: ", ")
    return "Tensor\(shape)([\(shown)\(elementCount > 8 ? ", …" : "")])"
  }
}
