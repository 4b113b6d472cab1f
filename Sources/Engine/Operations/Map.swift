extension Tensor {
  /// `f(self)` elementwise, recording the backward rule `input.gradient += g · f′`.
  func map(_ operation: some UnaryOperation) -> Tensor {
    let storage = TensorStorage.uninitialized(count: elementCount)
    withAddresses(reading: self.storage, writing: storage) { x, y in
      unaryApply(operation, elementCount, x, y)
    }
    return Tensor(shape: shape, storage: storage, inputs: [self]) { output in
      withAddresses(
        reading: output.gradientAccumulator, self.storage, output.storage,
        writing: self.gradientAccumulator
      ) { g, x, y, target in
        unaryBackward(
          operation, output.elementCount, gradient: g, input: x, output: y, into: target)
      }
    }
  }
}
