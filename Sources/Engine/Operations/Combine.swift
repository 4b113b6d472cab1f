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
    withAddresses(reading: a.storage, b.storage, writing: storage) { a, b, out in
      broadcastApply(operation, plan, a, b, out)
    }
    return Tensor(shape: shape, storage: storage, inputs: [a, b]) { output in
      withAddresses(
        reading: output.gradientAccumulator, a.storage, b.storage,
        writing: a.requiresGradient ? a.gradientAccumulator : nil,
        b.requiresGradient ? b.gradientAccumulator : nil
      ) { g, a, b, gradientA, gradientB in
        broadcastBackward(
          operation, plan, gradient: g, a, b, gradientA: gradientA, gradientB: gradientB)
      }
    }
  }
}
