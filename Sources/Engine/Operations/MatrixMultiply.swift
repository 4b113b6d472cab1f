extension Tensor {
  /// The matrix product: [m, k]·[k, n] → [m, n]; batched, [b, m, k]·[b, k, n] → [b, m, n]
  /// (one product per batch entry) and [b, m, k]·[k, n] → [b, m, n] (one matrix for all).
  ///
  /// Backward: ∂L/∂A = ∂L/∂C · Bᵀ and ∂L/∂B = Aᵀ · ∂L/∂C (per batch entry, summed over the batch
  /// for a shared matrix). Throws unless the shapes are one of these forms with agreeing inner
  /// dimensions.
  public func matmul(_ other: Tensor) throws -> Tensor {
    let (a, b) = (self, other)
    switch (a.shape.rank, b.shape.rank) {
    case (2, 2) where a.shape[1] == b.shape[0]:
      return multiplyBatches(a, b, batches: 1, m: a.shape[0], k: a.shape[1], n: b.shape[1])
    case (3, 3) where a.shape[0] == b.shape[0] && a.shape[2] == b.shape[1]:
      return multiplyBatches(
        a, b, batches: a.shape[0], m: a.shape[1], k: a.shape[2], n: b.shape[2])
    case (3, 2) where a.shape[2] == b.shape[0]:
      let (batches, m) = (a.shape[0], a.shape[1])
      return try a.reshaped([batches * m, a.shape[2]]).matmul(b).reshaped([batches, m, b.shape[1]])
    default:
      throw ShapeError(
        "matmul",
        "cannot multiply \(a.shape) by \(b.shape): needs [m, k]·[k, n], "
          + "[b, m, k]·[b, k, n] or [b, m, k]·[k, n]")
    }
  }
}

/// `batches` products of [m, k] and [k, n] matrices stored one after another.
private func multiplyBatches(
  _ a: Tensor, _ b: Tensor, batches: Int, m: Int, k: Int, n: Int
) -> Tensor {
  let storage = TensorStorage.uninitialized(count: batches * m * n)
  let shape: Shape = batches == 1 && a.shape.rank == 2 ? [m, n] : [batches, m, n]
  /// Matrix number `batch` of a stack of rows × columns matrices kept in `storage`.
  func matrix(_ storage: TensorStorage, _ batch: Int, _ rows: Int, _ columns: Int) -> StoredMatrix {
    StoredMatrix(storage, offset: batch * rows * columns, rows: rows, columns: columns)
  }
  for batch in 0..<batches {
    multiply(
      matrix(a.storage, batch, m, k), matrix(b.storage, batch, k, n),
      into: matrix(storage, batch, m, n), accumulate: false)
  }
  return Tensor(shape: shape, storage: storage, inputs: [a, b]) { output in
    let g = output.gradientAccumulator
    for batch in 0..<batches {
      let gradient = matrix(g, batch, m, n)
      if a.requiresGradient {
        multiply(
          gradient, matrix(b.storage, batch, k, n).transposed,
          into: matrix(a.gradientAccumulator, batch, m, k), accumulate: true)
      }
      if b.requiresGradient {
        multiply(
          matrix(a.storage, batch, m, k).transposed, gradient,
          into: matrix(b.gradientAccumulator, batch, k, n), accumulate: true)
      }
    }
  }
}

/// The matrix product of two tensors (see `Tensor.matmul`).
public func matmul(_ a: Tensor, _ b: Tensor) throws -> Tensor {
  try a.matmul(b)
}
