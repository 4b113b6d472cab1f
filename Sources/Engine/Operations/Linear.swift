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
}

extension ReLU: OutputDifferentiable {}  // y > 0 exactly where z > 0.
extension Sigmoid: OutputDifferentiable {}
extension HyperbolicTangent: OutputDifferentiable {}

/// y = z; derivative 1.
private struct Identity: OutputDifferentiable {
  @inline(__always) func apply(_ x: Vector) -> Vector { x }
  @inline(__always) func gradient(_ g: Vector, input x: Vector, output y: Vector) -> Vector { g }
}

/// A dense layer's computation in one pass: y = f(x · Wᵀ + b).
///
/// `input` is [batch, in], `weight` is [out, in] (PyTorch's `nn.Linear` layout) and `bias`, if
/// given, is [out]. Backward, with gz = g · f′ (from the output): ∂L/∂x = gz · W,
/// ∂L/∂W = gzᵀ · x, ∂L/∂b = Σ over the batch of gz. Throws if the shapes do not fit.
public func linear(
  _ input: Tensor, weight: Tensor, bias: Tensor? = nil, activation: FusedActivation = .identity
) throws -> Tensor {
  // Each activation's type gets its own compiled loops, with no choice made per vector.
  switch activation {
  case .identity: try linear(input, weight: weight, bias: bias, Identity())
  case .relu: try linear(input, weight: weight, bias: bias, ReLU())
  case .sigmoid: try linear(input, weight: weight, bias: bias, Sigmoid())
  case .tanh: try linear(input, weight: weight, bias: bias, HyperbolicTangent())
  }
}

/// `linear` with its activation's type known.
private func linear<Activation: OutputDifferentiable>(
  _ input: Tensor, weight: Tensor, bias: Tensor?, _ activation: Activation
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
  let result = StoredMatrix(storage, rows: batch, columns: outputs)
  multiply(input.matrix(), weight.matrix(transposed: true), into: result, accumulate: false)
  if let bias {
    withAddresses(reading: bias.storage, writing: storage) { bias, out in
      addBias(batch, outputs, out, bias, into: out, then: activation)
    }
  } else if !(activation is Identity) {
    storage.withAddress { out in
      unaryApply(activation, batch * outputs, out, out)
    }
  }
  let inputs = bias.map { [input, weight, $0] } ?? [input, weight]
  return Tensor(shape: Shape(rows: batch, columns: outputs), storage: storage, inputs: inputs) {
    output in
    // gz = g · f′ overwrites g: the output's gradient is not needed once this rule has run.
    // Without an activation gz is g.
    let gradient = output.gradientAccumulator
    if !(activation is Identity) {
      withAddresses(reading: output.storage, writing: gradient) { y, g in
        multiplyBySlopeAtOutput(activation, batch * outputs, output: y, gradient: g)
      }
    }
    let gz = StoredMatrix(gradient, rows: batch, columns: outputs)
    if input.requiresGradient {
      multiply(gz, weight.matrix(), into: input.gradientMatrix, accumulate: true)
    }
    if weight.requiresGradient {
      multiply(gz.transposed, input.matrix(), into: weight.gradientMatrix, accumulate: true)
    }
    if let bias, bias.requiresGradient {
      withAddresses(reading: gradient, writing: bias.gradientAccumulator) { gz, target in
        addColumnSums(batch, outputs, gz, into: target)
      }
    }
  }
}
