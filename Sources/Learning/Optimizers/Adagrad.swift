/// Adagrad (Duchi, Hazan and Singer 2011), PyTorch's `torch.optim.Adagrad`.
///
/// For each value, with gradient g, learning rate η, step t, rate decay δ, weight decay λ:
/// ```
/// g ← g + λ·p
/// s ← s + g²
/// p ← p − (η / (1 + (t − 1)·δ)) · g / (√s + ε)
/// ```
/// Defaults as PyTorch: η = 1e-2, δ = 0, λ = 0, s starts at 0, ε = 1e-10.
public struct Adagrad: UpdateRule {
  /// δ, the decay of the rate with steps.
  public var learningRateDecay: Float
  /// λ, the L2 penalty folded into the gradient.
  public var weightDecay: Float
  /// The starting value of the sum of squares.
  public var initialAccumulatorValue: Float
  /// ε, added to the denominator.
  public var epsilon: Float

  /// Creates the rule with PyTorch's defaults.
  public init(
    learningRateDecay: Float = 0, weightDecay: Float = 0, initialAccumulatorValue: Float = 0,
    epsilon: Float = 1e-10
  ) {
    self.learningRateDecay = learningRateDecay
    self.weightDecay = weightDecay
    self.initialAccumulatorValue = initialAccumulatorValue
    self.epsilon = epsilon
  }

  /// "Adagrad".
  public var name: String { "Adagrad" }
  /// 1e-2, as PyTorch.
  public var defaultLearningRate: Float { 1e-2 }
  /// `sum`, the running sum of squared gradients.
  public var slotNames: [String] { ["sum"] }
  /// `initialAccumulatorValue`.
  public var initialSlotValue: Float { initialAccumulatorValue }
  /// The settings.
  public var settings: [String: SettingValue] {
    [
      "lr_decay": .decimal(learningRateDecay), "weight_decay": .decimal(weightDecay),
      "initial_accumulator_value": .decimal(initialAccumulatorValue), "eps": .decimal(epsilon),
    ]
  }

  /// One step, by the formula in the type's documentation.
  public func update(
    value: UnsafeMutableBufferPointer<Float>, gradient: UnsafeBufferPointer<Float>,
    slots: UnsafeMutableBufferPointer<Float>, step: Int, learningRate: Float
  ) {
    let rate = learningRate / (1 + Float(step - 1) * learningRateDecay)
    for i in 0..<value.count {
      let g = gradient[i] + weightDecay * value[i]
      let sum = slots[i] + g * g
      slots[i] = sum
      value[i] -= rate * (g / (sum.squareRoot() + epsilon))
    }
  }
}
