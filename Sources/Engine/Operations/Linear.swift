/// An activation that `linear` applies in the same pass as the affine map.
public enum FusedActivation: Sendable, Equatable, CaseIterable {
  /// No activation: y = z.
  case identity
  /// max(z, 0).
  case relu
  /// 1 / (1 + e^(−z)).
  case sigmoid
  /// tanh(z).
  case tanh

  /// The activation applied to eight pre-activations.
  fileprivate func apply(_ z: Vector) -> Vector {
    switch self {
    case .identity: z
    case .relu: ReLU().apply(z)
    case .sigmoid: Sigmoid().apply(z)
    case .tanh: HyperbolicTangent().apply(z)
    }
  }

  /// g · f′(z), written with the output y = f(z) only (so z need not be kept).
  fileprivate func gradient(_ g: Vector, output y: Vector) -> Vector {
    switch self {
    case .identity: g
    case .relu: Vector().replacing(with: g, where: y .> 0)
    case .sigmoid: Sigmoid().gradient(g, input: y, output: y)
    case .tanh: HyperbolicTangent().gradient(g, input: y, output: y)
    }
  }
}

/// A dense layer's computation in one pass: y = f(x · Wᵀ + b).
///
/// `input` is [batch, in], `weight` is [out, in] (PyTorch's `nn.Linear` layout) and `bias`, if
/// given, is [out]. Backward, with gz = g · f′ (from the output): ∂L/∂x = gz · W,
/// ∂L/∂W = gzᵀ · x, ∂L/∂b = Σ over the batch of gz. Throws if the shapes do not fit.
public func linear(
  _ input: Tensor, weight: Tensor, bias: Tensor? = nil, activation: FusedActivation = .identity
) throws -> Tensor {
  guard input.shape.rank == 2, weight.shape.rank == 2, input.shape[1] == weight.shape[1] else {
    throw ShapeError(
      "linear",
      "input \(input.shape) does not fit weight \(weight.shape): needs [batch, in] "
        + "and [out, in]")
  }
  let (batch, outputs) = (input.shape[0], weight.shape[0])
  if let bias, bias.shape != [outputs] {
    throw ShapeError("linear", "bias \(bias.shape) does not fit weight \(weight.shape)")
  }
  let storage = TensorStorage.uninitialized(count: batch * outputs)
  let out = storage.base
  multiplyMatrices(
    input.operand(), weight.operand(transposed: true), into: out, accumulate: false)
  let biasBase = bias.map { UnsafePointer($0.storage.base) }
  for row in 0..<batch {
    let rowBase = out + row * outputs
    if let biasBase {
      mapVectors(outputs, rowBase, biasBase, rowBase) { activation.apply($0 + $1) }
    } else if activation != .identity {
      mapVectors(outputs, rowBase, rowBase) { activation.apply($0) }
    }
  }
  let inputs = bias.map { [input, weight, $0] } ?? [input, weight]
  return Tensor(shape: Shape(rows: batch, columns: outputs), storage: storage, inputs: inputs) {
    output in
    // gz = g · f′ overwrites g: the output's gradient is not needed once this rule has run.
    let gradient = output.gradientAccumulator.base
    mapVectors(batch * outputs, gradient, output.storage.base, gradient) {
      activation.gradient($0, output: $1)
    }
    let gz = MatrixOperand(base: gradient, rows: batch, columns: outputs, transposed: false)
    if input.requiresGradient {
      multiplyMatrices(gz, weight.operand(), into: input.gradientAccumulator.base, accumulate: true)
    }
    if weight.requiresGradient {
      multiplyMatrices(
        gz.transposedOperand, input.operand(), into: weight.gradientAccumulator.base,
        accumulate: true)
    }
    if let bias, bias.requiresGradient {
      addColumnSums(batch, outputs, gradient, into: bias.gradientAccumulator.base)
    }
  }
}
