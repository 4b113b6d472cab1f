/// RMSprop (Hinton, Coursera lecture 6e, 2012), PyTorch's `torch.optim.RMSprop`.
///
/// For each value, with gradient g, learning rate η, smoothing α, weight decay λ, momentum μ:
/// ```
/// g ← g + λ·p
/// v ← α·v + (1 − α)·g²
/// centered:  ḡ ← ḡ + (1 − α)·(g − ḡ);  d ← √(v − ḡ²) + ε     otherwise  d ← √v + ε
/// μ > 0:     b ← μ·b + g/d;  p ← p − η·b                      otherwise  p ← p − η·g/d
/// ```
/// Defaults as PyTorch: η = 1e-2, α = 0.99, ε = 1e-8, λ = 0, μ = 0, not centered.
public struct RMSprop: UpdateRule {
  /// α, the decay of the squared-gradient average.
  public var alpha: Float
  /// ε, added to the denominator.
  public var epsilon: Float
  /// λ, the L2 penalty folded into the gradient.
  public var weightDecay: Float
  /// μ, the momentum of the step.
  public var momentum: Float
  /// Whether to divide by the variance rather than the raw second moment.
  public var centered: Bool

  /// Creates the rule with PyTorch's defaults.
  public init(
    alpha: Float = 0.99, epsilon: Float = 1e-8, weightDecay: Float = 0, momentum: Float = 0,
    centered: Bool = false
  ) {
    self.alpha = alpha
    self.epsilon = epsilon
    self.weightDecay = weightDecay
    self.momentum = momentum
    self.centered = centered
  }

  /// "RMSprop".
  public var name: String { "RMSprop" }
  /// 1e-2, as PyTorch.
  public var defaultLearningRate: Float { 1e-2 }
  /// `square_avg`, then `momentum_buffer` and `grad_avg` when used.
  public var slotNames: [String] {
    ["square_avg"] + (momentum > 0 ? ["momentum_buffer"] : []) + (centered ? ["grad_avg"] : [])
  }
  /// The settings.
  public var settings: [String: SettingValue] {
    [
      "alpha": .decimal(alpha), "eps": .decimal(epsilon), "weight_decay": .decimal(weightDecay),
      "momentum": .decimal(momentum), "centered": .flag(centered),
    ]
  }

  /// μ, which one-cycle schedules cycle.
  public static var cycledMomentum: WritableKeyPath<RMSprop, Float>? { \.momentum }

  /// One step, by the formula in the type's documentation.
  public func update(
    value: UnsafeMutableBufferPointer<Float>, gradient: UnsafeBufferPointer<Float>,
    slots: UnsafeMutableBufferPointer<Float>, step: Int, learningRate: Float
  ) {
    let count = value.count
    let bufferOffset = count
    let averageOffset = momentum > 0 ? 2 * count : count
    for i in 0..<count {
      let g = gradient[i] + weightDecay * value[i]
      let v = alpha * slots[i] + (1 - alpha) * g * g
      slots[i] = v
      var denominator: Float
      if centered {
        let mean = slots[averageOffset + i] + (1 - alpha) * (g - slots[averageOffset + i])
        slots[averageOffset + i] = mean
        denominator = (v - mean * mean).squareRoot() + epsilon
      } else {
        denominator = v.squareRoot() + epsilon
      }
      if momentum > 0 {
        let buffer = momentum * slots[bufferOffset + i] + g / denominator
        slots[bufferOffset + i] = buffer
        value[i] -= learningRate * buffer
      } else {
        value[i] -= learningRate * (g / denominator)
      }
    }
  }
}
