extension Tensor {
  /// The matrix product of a [m, k] and a [k, n] tensor, a [m, n] tensor.
  ///
  /// Backward: ∂L/∂A = ∂L/∂C · Bᵀ and ∂L/∂B = Aᵀ · ∂L/∂C. Throws unless both operands are
  /// matrices whose inner dimensions agree.
  public func matmul(_ other: Tensor) throws -> Tensor {
    let a = self
    let b = other
    guard a.shape.rank == 2, b.shape.rank == 2, a.shape[1] == b.shape[0] else {
      throw ShapeError(
        "matmul", "cannot multiply \(a.shape) by \(b.shape): needs [m, k] and [k, n]")
    }
    let (m, n) = (a.shape[0], b.shape[1])
    let storage = TensorStorage.uninitialized(count: m * n)
    multiplyMatrices(a.operand(), b.operand(), into: storage.base, accumulate: false)
    return Tensor(shape: [m, n], storage: storage, inputs: [a, b]) { output in
      let g = MatrixOperand(
        base: output.gradientAccumulator.base, rows: m, columns: n, transposed: false)
      if a.requiresGradient {
        multiplyMatrices(
          g, b.operand(transposed: true), into: a.gradientAccumulator.base, accumulate: true)
      }
      if b.requiresGradient {
        multiplyMatrices(
          a.operand(transposed: true), g, into: b.gradientAccumulator.base, accumulate: true)
      }
    }
  }

  /// This 2-D tensor's values as an operand of `multiplyMatrices`.
  func operand(transposed: Bool = false) -> MatrixOperand {
    MatrixOperand(
      base: storage.base, rows: shape[0], columns: shape[1], transposed: transposed)
  }
}

/// The matrix product of a [m, k] and a [k, n] tensor (see `Tensor.matmul`).
public func matmul(_ a: Tensor, _ b: Tensor) throws -> Tensor {
  try a.matmul(b)
}
