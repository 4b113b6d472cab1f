import Engine

/// Batch normalisation over features (Ioffe and Szegedy 2015), PyTorch's `nn.BatchNorm1d`.
///
/// Training: with the batch mean μ and biased variance σ² of each feature,
/// x̂ = (x − μ)/√(σ² + ε) and y = γ·x̂ + β; the running statistics move by `momentum`:
/// running_mean ← (1 − m)·running_mean + m·μ, running_var ← (1 − m)·running_var + m·σ²·n/(n − 1)
/// (the unbiased variance, as PyTorch keeps). Evaluation normalises with the running statistics.
/// The forward pass is made of the engine's operations (mean along the batch, subtraction,
/// square root, division, scale and shift), so its backward is theirs; in training it amounts to
/// ∂γ = Σ g·x̂, ∂β = Σ g, ∂x = γ/(n√(σ² + ε)) · (n·g − Σg − x̂·Σ g·x̂).
/// Defaults as PyTorch: ε = 1e-5, momentum 0.1, γ = 1, β = 0. A training batch of a single
/// sample has no variance; it is normalised with the running statistics, which it leaves as they
/// are (PyTorch refuses such a batch; the fit loop refuses batch sizes that would make one).
public final class BatchNorm: Layer {
  /// The number of features normalised.
  public let features: Int
  /// ε, added to the variance.
  public let epsilon: Float
  /// The weight of the newest batch in the running statistics.
  public let momentum: Float
  /// γ, the learned scale (`weight` in PyTorch).
  public let weight: Parameter
  /// β, the learned shift (`bias` in PyTorch).
  public let bias: Parameter
  /// The running mean of each feature, used in evaluation.
  public private(set) var runningMean: [Float]
  /// The running (unbiased) variance of each feature, used in evaluation.
  public private(set) var runningVariance: [Float]
  /// The number of training batches seen.
  public private(set) var batchesTracked: Int64 = 0

  /// Creates the layer for `features` features.
  public init(features: Int, epsilon: Float = 1e-5, momentum: Float = 0.1) throws(ModelError) {
    guard features > 0 else {
      throw ModelError("batch normalisation needs at least one feature, got \(features)")
    }
    self.features = features
    self.epsilon = epsilon
    self.momentum = momentum
    weight = Parameter(
      name: "weight", shape: [features], value: .init(repeating: 1, count: features))
    bias = Parameter(name: "bias", shape: [features], value: .init(repeating: 0, count: features))
    runningMean = .init(repeating: 0, count: features)
    runningVariance = .init(repeating: 1, count: features)
  }

  /// "BatchNorm1d".
  public var kind: String { "BatchNorm1d" }
  /// γ and β.
  public var parameters: [Parameter] { [weight, bias] }

  /// `running_mean`, `running_var` and `num_batches_tracked`, as in PyTorch: the statistics as
  /// 32-bit floats, the count as a 64-bit integer in files (held as a float here, exact up to 2²⁴).
  public var buffers: [NamedTensor] {
    get {
      [
        NamedTensor(name: "running_mean", shape: [features], values: runningMean),
        NamedTensor(name: "running_var", shape: [features], values: runningVariance),
        NamedTensor(
          name: "num_batches_tracked", shape: [], values: [Float(batchesTracked)],
          elementType: .int64),
      ]
    }
    set {
      for tensor in newValue {
        switch tensor.name {
        case "running_mean" where tensor.values.count == features: runningMean = tensor.values
        case "running_var" where tensor.values.count == features: runningVariance = tensor.values
        case "num_batches_tracked" where tensor.values.count == 1:
          guard let count = Int64(exactly: tensor.values[0]), count >= 0 else {
            preconditionFailure("num_batches_tracked must be a whole count ≥ 0")
          }
          batchesTracked = count
        default: preconditionFailure("batch norm has no buffer \(tensor.name) of that size")
        }
      }
    }
  }

  /// `features`, if `inputs` is `features`.
  public func outputFeatures(forInputs inputs: Int) throws(ModelError) -> Int {
    guard inputs == features else {
      throw ModelError("batch normalisation of \(features) features cannot take \(inputs) features")
    }
    return features
  }

  /// γ·x̂ + β, with batch statistics while training and running statistics otherwise.
  public func forward(_ input: Tensor, pass: inout ForwardPass) throws -> Tensor {
    let n = input.shape[0]
    let centered: Tensor
    let variance: Tensor
    if pass.isTraining && n > 1 {
      let mean = try input.mean(alongAxis: 0)
      centered = try input - mean
      variance = try (centered * centered).mean(alongAxis: 0)
      updateRunningStatistics(mean: mean.values, variance: variance.values, count: n)
    } else {
      centered = try input - Tensor(shape: [features], values: runningMean)
      variance = try Tensor(shape: [features], values: runningVariance)
    }
    let normalized = try centered / (variance + epsilon).sqrt()
    return try normalized * weight.tensor + bias.tensor
  }

  /// Moves the running statistics toward a training batch's mean and biased variance.
  private func updateRunningStatistics(mean: [Float], variance: [Float], count n: Int) {
    for j in 0..<features {
      let unbiased = variance[j] * Float(n) / Float(n - 1)
      runningMean[j] = (1 - momentum) * runningMean[j] + momentum * mean[j]
      runningVariance[j] = (1 - momentum) * runningVariance[j] + momentum * unbiased
    }
    batchesTracked += 1
  }
}
