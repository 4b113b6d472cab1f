extension Tensor {
  /// The largest element along `axis` (negative counts from the end); the axis disappears unless
  /// `keepingDimension`. Backward: the gradient goes to the first largest element of each slice.
  /// Throws if the axis is out of range or empty.
  public func max(alongAxis axis: Int, keepingDimension: Bool = false) throws -> Tensor {
    let axis = try shape.resolve(axis: axis, for: "max")
    guard shape[axis] > 0 else {
      throw ShapeError("max", "axis \(axis) of shape \(shape) is empty")
    }
    let view = AxisView(shape, axis: axis)
    let outputShape = shape.reducing(axis: axis, keepingDimension: keepingDimension)
    let storage = TensorStorage.uninitialized(count: outputShape.elementCount)
    var winners = [Int](repeating: 0, count: outputShape.elementCount)
    let x = self.storage
    for o in 0..<view.outer {
      for i in 0..<view.inner {
        let first = o * view.length * view.inner + i
        var best = first
        for k in 1..<view.length where x[first + k * view.inner] > x[best] {
          best = first + k * view.inner
        }
        storage[o * view.inner + i] = x[best]
        winners[o * view.inner + i] = best
      }
    }
    return Tensor(shape: outputShape, storage: storage, inputs: [self]) { output in
      let (g, target) = (output.gradientAccumulator, self.gradientAccumulator)
      for (position, winner) in winners.enumerated() { target[winner] += g[position] }
    }
  }

  /// The largest element, as a scalar; throws if the tensor is empty.
  public func max() throws -> Tensor {
    guard elementCount > 0 else { throw ShapeError("max", "the tensor \(shape) is empty") }
    return try reshaped([elementCount]).max(alongAxis: 0)
  }
}
