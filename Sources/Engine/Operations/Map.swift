extension Tensor {
  /// `f(self)` elementwise, recording the backward rule `input.gradient += g · f′`.
  func map(_ operation: some UnaryOperation) -> Tensor {
    let storage = TensorStorage.uninitialized(count: elementCount)
    unaryApply(operation, elementCount, self.storage.base, storage.base)
    return Tensor(shape: shape, storage: storage, inputs: [self]) { output in
      unaryBackward(
        operation, output.elementCount, gradient: output.gradientAccumulator.base,
        input: self.storage.base, output: output.storage.base,
        into: self.gradientAccumulator.base)
    }
  }
}
