extension Tensor {
  /// The sum of all elements, as a scalar; its gradient is 1 for every element.
  public func sum() -> Tensor {
    reduceAll(scale: 1)
  }

  /// The mean of all elements, as a scalar; its gradient is 1/n for every element.
  public func mean() -> Tensor {
    reduceAll(scale: 1 / Float(Swift.max(elementCount, 1)))
  }

  /// `scale · Σ x` as a scalar; backward adds `scale · g` to every element's gradient.
  private func reduceAll(scale: Float) -> Tensor {
    let storage = TensorStorage.uninitialized(count: 1)
    storage[0] = scale * self.storage.withAddress { sumOfElements(elementCount, $0) }
    return Tensor(shape: .scalar, storage: storage, inputs: [self]) { output in
      let change = Vector(repeating: scale * output.gradientAccumulator[0])
      self.gradientAccumulator.withAddress { target in
        mapVectors(self.elementCount, target, target) { $0 + change }
      }
    }
  }
}
