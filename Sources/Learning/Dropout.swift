import Engine

/// Inverted dropout (Srivastava et al. 2014), PyTorch's `nn.Dropout`.
///
/// While training, each value is zeroed with probability `p` and the survivors are scaled by
/// 1/(1 − p), so the expected output equals the input and evaluation needs no rescaling. During
/// evaluation the layer passes values through. Backward multiplies by the same mask.
public final class Dropout: Layer {
  /// The probability of zeroing a value.
  public let probability: Float
  private var lastMask: [Float]?

  /// Creates the layer; `probability` must be in [0, 1).
  public init(probability: Float = 0.5) throws(ModelError) {
    guard probability >= 0, probability < 1 else {
      throw ModelError("dropout needs a probability from 0 up to (not including) 1, got \(probability)")
    }
    self.probability = probability
  }

  /// "Dropout".
  public var kind: String { "Dropout" }

  /// The masked, rescaled input while training; the input itself otherwise.
  public func forward(_ input: Matrix, pass: inout ForwardPass) -> Matrix {
    guard pass.isTraining, probability > 0 else {
      lastMask = nil
      return input
    }
    let keep = 1 / (1 - probability)
    let mask = (0..<input.values.count).map { _ in
      pass.generator.nextFloat() < probability ? Float(0) : keep
    }
    lastMask = mask
    let values = zip(input.values, mask).map { $0 * $1 }
    return Matrix(rows: input.rows, columns: input.columns, values: values)
  }

  /// The gradient times the mask of the last forward pass.
  public func backward(_ outputGradient: Matrix, needsInputGradient: Bool) -> Matrix? {
    guard needsInputGradient else { return nil }
    guard let mask = lastMask else { return outputGradient }
    let values = zip(outputGradient.values, mask).map { $0 * $1 }
    return Matrix(rows: outputGradient.rows, columns: outputGradient.columns, values: values)
  }
}
