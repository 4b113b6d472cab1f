/// A tensor seen as [outer, length, inner] around one axis, the layout of every per-axis kernel:
/// element (o, k, i) is at (o · length + k) · inner + i.
struct AxisView {
  /// The product of the dimensions before the axis.
  let outer: Int
  /// The size of the axis.
  let length: Int
  /// The product of the dimensions after the axis (the stride of the axis).
  let inner: Int

  init(_ shape: Shape, axis: Int) {
    outer = shape.dimensions[..<axis].reduce(1, *)
    length = shape[axis]
    inner = shape.dimensions[(axis + 1)...].reduce(1, *)
  }
}

extension Shape {
  /// `axis` counted from the front, accepting NumPy's negative axes (−1 is the last); throws if it
  /// names no dimension.
  func resolve(axis: Int, for operation: String) throws -> Int {
    let resolved = axis < 0 ? axis + rank : axis
    guard resolved >= 0 && resolved < rank else {
      throw ShapeError(operation, "axis \(axis) is out of range for shape \(self)")
    }
    return resolved
  }

  /// This shape after reducing `axis`: that dimension becomes 1 or disappears.
  func reducing(axis: Int, keepingDimension: Bool) -> Shape {
    var dimensions = self.dimensions
    if keepingDimension { dimensions[axis] = 1 } else { dimensions.remove(at: axis) }
    return Shape(dimensions)
  }
}

extension Tensor {
  /// The sums along `axis` (negative counts from the end); the axis disappears unless
  /// `keepingDimension`. Backward: each element's gradient is its sum's gradient.
  public func sum(alongAxis axis: Int, keepingDimension: Bool = false) throws -> Tensor {
    try reduce(alongAxis: axis, keepingDimension: keepingDimension, operation: "sum") { _ in 1 }
  }

  /// The means along `axis` (negative counts from the end); the axis disappears unless
  /// `keepingDimension`. Backward: each element's gradient is its mean's gradient over n.
  public func mean(alongAxis axis: Int, keepingDimension: Bool = false) throws -> Tensor {
    try reduce(alongAxis: axis, keepingDimension: keepingDimension, operation: "mean") {
      1 / Float(Swift.max($0, 1))
    }
  }

  /// The variances along `axis`: mean((x − mean x)²), divided by n − 1 instead of n when
  /// `unbiased` (PyTorch's `var` default is unbiased; batch normalisation uses the biased one).
  /// Built from differentiable operations, so its gradient 2(x − mean)/n follows.
  public func variance(
    alongAxis axis: Int, keepingDimension: Bool = false, unbiased: Bool = false
  ) throws -> Tensor {
    let resolved = try shape.resolve(axis: axis, for: "variance")
    let deviation = try self - mean(alongAxis: resolved, keepingDimension: true)
    let squares = try deviation * deviation
    let n = shape[resolved]
    if unbiased {
      return try squares.sum(alongAxis: resolved, keepingDimension: keepingDimension)
        / Float(Swift.max(n - 1, 1))
    }
    return try squares.mean(alongAxis: resolved, keepingDimension: keepingDimension)
  }

  /// The variance of all elements (over n, or n − 1 when `unbiased`), as a scalar.
  public func variance(unbiased: Bool = false) -> Tensor {
    do {
      let flat = try reshaped([elementCount])
      return try flat.variance(alongAxis: 0, unbiased: unbiased)
    } catch {
      preconditionFailure("a flattened tensor always has axis 0")
    }
  }

  /// `scale(n) · Σ` along `axis`, where n is the axis' length.
  private func reduce(
    alongAxis axis: Int, keepingDimension: Bool, operation: String, scale: (Int) -> Float
  ) throws -> Tensor {
    let axis = try shape.resolve(axis: axis, for: operation)
    let view = AxisView(shape, axis: axis)
    let factor = scale(view.length)
    let outputShape = shape.reducing(axis: axis, keepingDimension: keepingDimension)
    let storage = TensorStorage.zeros(count: outputShape.elementCount)
    withAddresses(reading: self.storage, writing: storage) { x, sums in
      sumAlongAxis(view, x, into: sums, scale: factor)
    }
    return Tensor(shape: outputShape, storage: storage, inputs: [self]) { output in
      withAddresses(reading: output.gradientAccumulator, writing: self.gradientAccumulator) {
        g, target in spreadAlongAxis(view, g, into: target, scale: factor)
      }
    }
  }
}

/// out[o, i] += scale · Σₖ x[o, k, i].
func sumAlongAxis(
  _ view: AxisView, _ x: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, scale: Float
) {
  for o in 0..<view.outer {
    let block = x + o * view.length * view.inner
    let row = out + o * view.inner
    if view.inner == 1 {
      row[0] += scale * sumOfElements(view.length, block)
      continue
    }
    for k in 0..<view.length { addInPlace(view.inner, block + k * view.inner, into: row) }
    if scale != 1 { mapVectors(view.inner, row, row) { $0 * scale } }
  }
}

/// target[o, k, i] += scale · g[o, i] for every k: the backward rule of a sum along an axis.
func spreadAlongAxis(
  _ view: AxisView, _ g: UnsafePointer<Float>, into target: UnsafeMutablePointer<Float>,
  scale: Float
) {
  for o in 0..<view.outer {
    let block = target + o * view.length * view.inner
    let row = g + o * view.inner
    for k in 0..<view.length {
      let destination = block + k * view.inner
      mapVectors(view.inner, destination, row, destination) { $0.addingProduct($1, scale) }
    }
  }
}
