extension Tensor {
  /// The rows (entries along the first axis) in `range`, as a new tensor; backward adds the
  /// gradient back into those rows. Throws if the range is outside 0..<rows.
  public func rows(_ range: Range<Int>) throws -> Tensor {
    guard shape.rank >= 1, range.lowerBound >= 0, range.upperBound <= shape[0] else {
      throw ShapeError(
        "rows",
        "rows \(range.lowerBound)..<\(range.upperBound) are outside a tensor of shape "
          + "\(shape)")
    }
    return try selectingRows(Array(range))
  }

  /// The rows (entries along the first axis) at `indices`, in that order and possibly repeated,
  /// as a new tensor (a mini-batch: `x.selectingRows(batchIndices)`); backward adds each row's
  /// gradient back where it came from. Throws if an index is outside 0..<rows.
  public func selectingRows(_ indices: [Int]) throws -> Tensor {
    guard shape.rank >= 1 else {
      throw ShapeError("selectingRows", "a scalar has no rows")
    }
    if let bad = indices.first(where: { $0 < 0 || $0 >= shape[0] }) {
      throw ShapeError("selectingRows", "row \(bad) is outside a tensor of shape \(shape)")
    }
    let width = elementCount / Swift.max(shape[0], 1)
    var dimensions = shape.dimensions
    dimensions[0] = indices.count
    let storage = TensorStorage.uninitialized(count: indices.count * width)
    withAddresses(reading: self.storage, writing: storage) { x, out in
      for (row, index) in indices.enumerated() {
        (out + row * width).initialize(from: x + index * width, count: width)
      }
    }
    return Tensor(shape: Shape(dimensions), storage: storage, inputs: [self]) { output in
      withAddresses(reading: output.gradientAccumulator, writing: self.gradientAccumulator) {
        g, target in
        for (row, index) in indices.enumerated() {
          addInPlace(width, g + row * width, into: target + index * width)
        }
      }
    }
  }
}
