import Engine

/// Inverted dropout (Srivastava et al. 2014), PyTorch's `nn.Dropout`.
///
/// While training, each value is zeroed with probability `p` and the survivors are scaled by
/// 1/(1 − p), so the expected output equals the input and evaluation needs no rescaling: the
/// output is x times the engine's `dropoutMask`, a constant, so backward multiplies by the same
/// mask. During evaluation the layer passes values through.
public final class Dropout: Layer {
  /// The probability of zeroing a value.
  public let probability: Float

  /// Creates the layer; `probability` must be in [0, 1).
  public init(probability: Float = 0.5) throws(ModelError) {
    guard probability >= 0, probability < 1 else {
      throw ModelError(
        "dropout needs a probability from 0 up to (not including) 1, got \(probability)")
    }
    self.probability = probability
  }

  /// "Dropout".
  public var kind: String { "Dropout" }

  /// The masked, rescaled input while training; the input itself otherwise.
  public func forward(_ input: Tensor, pass: inout ForwardPass) throws -> Tensor {
    guard pass.isTraining, probability > 0 else { return input }
    let mask = try Tensor.dropoutMask(
      shape: input.shape, keepProbability: 1 - probability, generator: &pass.generator)
    return try input * mask
  }
}
