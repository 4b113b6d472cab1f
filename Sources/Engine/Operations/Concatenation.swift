/// The tensors joined along `axis` (negative counts from the end); all other dimensions must
/// agree. Backward hands each input the part of the gradient that came from it. Throws if the
/// list is empty or the shapes do not fit together.
public func concatenate(_ tensors: [Tensor], alongAxis axis: Int = 0) throws -> Tensor {
  guard let first = tensors.first else {
    throw ShapeError("concatenate", "needs at least one tensor")
  }
  let axis = try first.shape.resolve(axis: axis, for: "concatenate")
  for tensor in tensors {
    var expected = first.shape.dimensions
    guard tensor.shape.rank == first.shape.rank else {
      throw ShapeError("concatenate", "cannot join \(first.shape) and \(tensor.shape)")
    }
    expected[axis] = tensor.shape[axis]
    guard tensor.shape.dimensions == expected else {
      throw ShapeError(
        "concatenate", "cannot join \(first.shape) and \(tensor.shape) along axis \(axis)")
    }
  }
  var dimensions = first.shape.dimensions
  dimensions[axis] = tensors.reduce(0) { $0 + $1.shape[axis] }
  let shape = Shape(dimensions)
  let outer = AxisView(first.shape, axis: axis).outer
  let outputBlock = shape.elementCount / Swift.max(outer, 1)
  let blocks = tensors.map { $0.elementCount / Swift.max(outer, 1) }
  let storage = TensorStorage.uninitialized(count: shape.elementCount)
  /// Calls `body(tensor, block, offset in the output, offset in the tensor)` for each block of
  /// each tensor, in the output's order.
  func forEachBlock(_ body: (Tensor, Int, Int, Int) -> Void) {
    for o in 0..<outer {
      var offset = o * outputBlock
      for (tensor, block) in zip(tensors, blocks) {
        body(tensor, block, offset, o * block)
        offset += block
      }
    }
  }
  forEachBlock { tensor, block, offset, tensorOffset in
    withAddresses(reading: tensor.storage, writing: storage) { x, out in
      (out + offset).initialize(from: x + tensorOffset, count: block)
    }
  }
  return Tensor(shape: shape, storage: storage, inputs: tensors) { output in
    forEachBlock { tensor, block, offset, tensorOffset in
      guard tensor.requiresGradient else { return }
      withAddresses(reading: output.gradientAccumulator, writing: tensor.gradientAccumulator) {
        g, target in addInPlace(block, g + offset, into: target + tensorOffset)
      }
    }
  }
}
