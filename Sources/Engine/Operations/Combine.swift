extension Tensor {
  /// `f(a, b)` elementwise with NumPy broadcasting, recording the backward rule, which sums each
  /// operand's gradient over the positions where broadcasting repeated it.
  static func combine<Operation: BinaryOperation>(
    _ operation: Operation.Type, _ a: Tensor, _ b: Tensor
  ) throws -> Tensor {
    guard let shape = a.shape.broadcast(with: b.shape) else {
      throw ShapeError.incompatible(Operation.name, a.shape, b.shape)
    }
    let plan = BroadcastPlan(a.shape, b.shape, shape)
    let storage = TensorStorage.uninitialized(count: shape.elementCount)
    broadcastApply(operation, plan, a.storage.base, b.storage.base, storage.base)
    return Tensor(shape: shape, storage: storage, inputs: [a, b]) { output in
      broadcastBackward(
        operation, plan, gradient: output.gradientAccumulator.base,
        a.storage.base, b.storage.base,
        gradientA: a.requiresGradient ? a.gradientAccumulator.base : nil,
        gradientB: b.requiresGradient ? b.gradientAccumulator.base : nil)
    }
  }
}
