extension Tensor {
  /// For each row of a [rows, classes] tensor, the element in the column its label names: a
  /// [rows] tensor (`x[r, labels[r]]`). Backward adds each gradient to the element it came from.
  /// Throws if the tensor is not 2-D, the label count differs from the rows, or a label is outside
  /// 0..<classes.
  public func gather(labels: [Int]) throws -> Tensor {
    try checkLabels(labels, operation: "gather")
    let classes = shape[1]
    let storage = TensorStorage.uninitialized(count: labels.count)
    for (row, label) in labels.enumerated() {
      storage[row] = self.storage[row * classes + label]
    }
    return Tensor(shape: [labels.count], storage: storage, inputs: [self]) { output in
      let (g, target) = (output.gradientAccumulator, self.gradientAccumulator)
      for (row, label) in labels.enumerated() { target[row * classes + label] += g[row] }
    }
  }

  /// Throws unless this is a [rows, classes] tensor with one label in 0..<classes per row.
  func checkLabels(_ labels: [Int], operation: String) throws {
    guard shape.rank == 2 else {
      throw ShapeError(operation, "needs [rows, classes], not \(shape)")
    }
    guard labels.count == shape[0] else {
      throw ShapeError(
        operation, "\(shape) has \(shape[0]) rows but there are \(labels.count) labels")
    }
    if let bad = labels.first(where: { $0 < 0 || $0 >= shape[1] }) {
      throw ShapeError(operation, "label \(bad) is outside 0..<\(shape[1]) for \(shape)")
    }
  }

  /// A [labels.count, classes] tensor with 1 at (r, labels[r]) and 0 elsewhere (a constant).
  /// Throws if a label is outside 0..<classes.
  public static func oneHot(labels: [Int], classes: Int) throws -> Tensor {
    if let bad = labels.first(where: { $0 < 0 || $0 >= classes }) {
      throw ShapeError("oneHot", "label \(bad) is outside 0..<\(classes)")
    }
    let storage = TensorStorage.zeros(count: labels.count * classes)
    for (row, label) in labels.enumerated() { storage[row * classes + label] = 1 }
    return Tensor(shape: [labels.count, classes], storage: storage)
  }

  /// An inverted-dropout mask: each element independently 1/keep with probability `keep`, else
  /// 0, drawn from `generator` (so a seed fixes it). `x * mask` drops units during training and
  /// keeps the expected value of every unit unchanged, so evaluation needs no rescaling
  /// (Srivastava et al. 2014; PyTorch's `Dropout`). Throws unless 0 < keep ≤ 1.
  public static func dropoutMask(
    shape: Shape, keepProbability keep: Float, generator: inout RandomGenerator
  ) throws -> Tensor {
    guard keep > 0 && keep <= 1 else {
      throw ShapeError("dropout", "the keep probability must be in (0, 1], not \(keep)")
    }
    let storage = TensorStorage.uninitialized(count: shape.elementCount)
    let kept = 1 / keep
    for index in 0..<shape.elementCount {
      storage[index] = generator.nextFloat() < keep ? kept : 0
    }
    return Tensor(shape: shape, storage: storage)
  }
}
