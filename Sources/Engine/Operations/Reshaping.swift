extension Tensor {
  /// The same elements in the same order under another shape; one dimension may be −1, meaning
  /// "whatever makes the count right" (as in NumPy). Throws if the counts cannot agree.
  /// Shares the values with `self`; backward passes the gradient back unchanged.
  public func reshaped(_ dimensions: [Int]) throws -> Tensor {
    let newShape = try inferredShape(dimensions)
    return Tensor(shape: newShape, storage: storage, inputs: [self]) { output in
      withAddresses(reading: output.gradientAccumulator, writing: self.gradientAccumulator) {
        g, target in addInPlace(output.elementCount, g, into: target)
      }
    }
  }

  /// The same elements in the same order under `shape`; throws if the counts differ.
  public func reshaped(_ shape: Shape) throws -> Tensor {
    try reshaped(shape.dimensions)
  }

  /// `dimensions` with a −1 replaced so that the count matches this tensor's.
  private func inferredShape(_ dimensions: [Int]) throws -> Shape {
    let unknown = dimensions.indices.filter { dimensions[$0] == -1 }
    guard unknown.count <= 1, dimensions.allSatisfy({ $0 >= -1 }) else {
      throw ShapeError("reshape", "cannot reshape \(shape) to \(dimensions): bad dimensions")
    }
    var resolved = dimensions
    let known = dimensions.filter { $0 != -1 }.reduce(1, *)
    if let position = unknown.first {
      guard known > 0, elementCount % known == 0 else {
        throw ShapeError("reshape", "cannot reshape \(shape) to \(dimensions)")
      }
      resolved[position] = elementCount / known
    }
    let result = Shape(resolved)
    guard result.elementCount == elementCount else {
      throw ShapeError(
        "reshape",
        "cannot reshape \(shape) (\(elementCount) elements) to \(result) "
          + "(\(result.elementCount) elements)")
    }
    return result
  }

  /// The matrix transpose: the last two axes swapped ([m, n] → [n, m], [b, m, n] → [b, n, m]).
  /// Backward transposes the gradient back. Throws for tensors of fewer than two dimensions.
  public func transposed() throws -> Tensor {
    guard shape.rank >= 2 else {
      throw ShapeError("transpose", "needs at least two dimensions, not \(shape)")
    }
    let (rows, columns) = (shape[shape.rank - 2], shape[shape.rank - 1])
    let batches = elementCount / Swift.max(rows * columns, 1)
    var dimensions = shape.dimensions
    dimensions.swapAt(shape.rank - 2, shape.rank - 1)
    let storage = TensorStorage.uninitialized(count: elementCount)
    withAddresses(reading: self.storage, writing: storage) { x, out in
      transposeMatrices(batches, rows, columns, x, into: out, adding: false)
    }
    return Tensor(shape: Shape(dimensions), storage: storage, inputs: [self]) { output in
      withAddresses(reading: output.gradientAccumulator, writing: self.gradientAccumulator) {
        g, target in transposeMatrices(batches, columns, rows, g, into: target, adding: true)
      }
    }
  }
}

/// Writes (or adds) the transpose of each of `batches` row-major rows × columns matrices.
func transposeMatrices(
  _ batches: Int, _ rows: Int, _ columns: Int, _ x: UnsafePointer<Float>,
  into out: UnsafeMutablePointer<Float>, adding: Bool
) {
  var source = x
  var destination = out
  for _ in 0..<batches {
    for i in 0..<rows {
      var target = destination + i
      for _ in 0..<columns {
        target.pointee = adding ? target.pointee + source.pointee : source.pointee
        source += 1
        target += rows
      }
    }
    destination += rows * columns
  }
}
