extension Tensor {
  /// softmax(x)ᵢ = e^(xᵢ − max x) / Σⱼ e^(xⱼ − max x) along `axis` (default the last).
  ///
  /// Subtracting the maximum changes nothing mathematically and keeps every exponential ≤ 1, so
  /// logits of ±1000 give finite results. Backward: ∂L/∂x = y ⊙ (g − Σ g ⊙ y) per slice.
  public func softmax(alongAxis axis: Int = -1) throws -> Tensor {
    let view = AxisView(shape, axis: try shape.resolve(axis: axis, for: "softmax"))
    let storage = TensorStorage.uninitialized(count: elementCount)
    withAddresses(reading: self.storage, writing: storage) { x, out in
      view.forEachSlice { start, stride in
        _ = writeSoftmax(view.length, x + start, stride, into: out + start)
      }
    }
    return perSlice(view, storage) { g, y, target, slice in
      var dot: Float = 0
      for index in slice { dot += g[index] * y[index] }
      for index in slice { target[index] += y[index] * (g[index] - dot) }
    }
  }

  /// log softmax(x)ᵢ = xᵢ − log Σⱼ e^(xⱼ) along `axis` (default the last), computed as
  /// xᵢ − max x − log Σⱼ e^(xⱼ − max x), finite for logits of ±1000.
  /// Backward: ∂L/∂x = g − softmax(x) · Σ g per slice.
  public func logSoftmax(alongAxis axis: Int = -1) throws -> Tensor {
    let view = AxisView(shape, axis: try shape.resolve(axis: axis, for: "logSoftmax"))
    let storage = TensorStorage.uninitialized(count: elementCount)
    withAddresses(reading: self.storage, writing: storage) { x, out in
      view.forEachSlice { start, stride in
        let logSum = writeSoftmax(view.length, x + start, stride, into: out + start)
        for k in 0..<view.length {
          out[start + k * stride] = x[start + k * stride] - logSum
        }
      }
    }
    return perSlice(view, storage) { g, y, target, slice in
      var total: Float = 0
      for index in slice { total += g[index] }
      for index in slice { target[index] += g[index] - applied(exponential, to: y[index]) * total }
    }
  }

  /// The result `storage` of a per-slice operation, whose backward rule runs
  /// `rule(g, y, inputGradient, positionsOfTheSlice)` on each slice along the view's axis.
  private func perSlice(
    _ view: AxisView, _ storage: TensorStorage,
    rule:
      @escaping (
        _ g: TensorStorage, _ y: TensorStorage, _ target: TensorStorage, _ slice: StrideTo<Int>
      ) -> Void
  ) -> Tensor {
    Tensor(shape: shape, storage: storage, inputs: [self]) { output in
      let (g, y, target) = (output.gradientAccumulator, output.storage, self.gradientAccumulator)
      view.forEachSlice { start, step in
        rule(g, y, target, stride(from: start, to: start + view.length * step, by: step))
      }
    }
  }
}

extension AxisView {
  /// Calls `body(start, stride)` for each slice along the axis: its elements are at
  /// start, start + stride, … (length of them).
  func forEachSlice(_ body: (_ start: Int, _ stride: Int) -> Void) {
    for o in 0..<outer {
      for i in 0..<inner { body(o * length * inner + i, inner) }
    }
  }
}

/// Writes softmax(z) of one slice (elements `stride` apart) into `p` at the same positions and
/// returns log Σ e^(z_j) (the log-sum-exp).
///
/// Subtracts max z first: e^(z_j − max) ≤ 1, so nothing overflows, and the largest term is 1,
/// so the sum is at least 1 and its logarithm is finite.
func writeSoftmax(
  _ count: Int, _ z: UnsafePointer<Float>, _ stride: Int = 1, into p: UnsafeMutablePointer<Float>
) -> Float {
  var largest = -Float.infinity
  for j in 0..<count { largest = Swift.max(largest, z[j * stride]) }
  if stride == 1 {
    mapVectors(count, z, p) { exponential($0 - largest) }
  } else {
    for j in 0..<count { p[j * stride] = applied(exponential, to: z[j * stride] - largest) }
  }
  var sum: Float = 0
  for j in 0..<count { sum += p[j * stride] }
  let inverse = 1 / sum
  for j in 0..<count { p[j * stride] *= inverse }
  return largest + applied(logarithm, to: sum)
}
