/// Stochastic gradient descent with momentum, PyTorch's `torch.optim.SGD`.
///
/// For each value, with gradient g, learning rate η, weight decay λ, momentum μ, dampening τ:
/// ```
/// g ← g + λ·p
/// if μ ≠ 0:  b ← g at the first step, else b ← μ·b + (1 − τ)·g
///            g ← g + μ·b if nesterov, else g ← b
/// p ← p − η·g
/// ```
/// This is PyTorch's form of momentum (Sutskever et al. 2013): the rate multiplies the buffer
/// when it is applied, not when it is accumulated. Defaults as PyTorch: η = 1e-3, μ = 0, τ = 0,
/// λ = 0, no Nesterov.
public struct SGD: UpdateRule {
  /// μ, the weight of the previous buffer.
  public var momentum: Float
  /// τ, how much of the gradient is held back from the buffer.
  public var dampening: Float
  /// Whether to look ahead along the buffer (Nesterov momentum; needs μ > 0 and τ = 0).
  public var nesterov: Bool
  /// λ, the L2 penalty folded into the gradient.
  public var weightDecay: Float

  /// Creates the rule with PyTorch's defaults.
  public init(
    momentum: Float = 0, dampening: Float = 0, nesterov: Bool = false, weightDecay: Float = 0
  ) {
    self.momentum = momentum
    self.dampening = dampening
    self.nesterov = nesterov
    self.weightDecay = weightDecay
  }

  /// "SGD".
  public var name: String { "SGD" }
  /// 1e-3, as PyTorch.
  public var defaultLearningRate: Float { 1e-3 }
  /// `momentum_buffer` when momentum is on.
  public var slotNames: [String] { momentum == 0 ? [] : ["momentum_buffer"] }
  /// The settings.
  public var settings: [String: SettingValue] {
    [
      "momentum": .decimal(momentum), "dampening": .decimal(dampening),
      "nesterov": .flag(nesterov), "weight_decay": .decimal(weightDecay),
    ]
  }

  /// μ, which one-cycle schedules cycle.
  public static var cycledMomentum: WritableKeyPath<SGD, Float>? { \.momentum }

  /// One step, by the formula in the type's documentation.
  public func update(
    value: UnsafeMutableBufferPointer<Float>, gradient: UnsafeBufferPointer<Float>,
    slots: UnsafeMutableBufferPointer<Float>, step: Int, learningRate: Float
  ) {
    for i in 0..<value.count {
      var g = gradient[i] + weightDecay * value[i]
      if momentum != 0 {
        let buffer = step == 1 ? g : momentum * slots[i] + (1 - dampening) * g
        slots[i] = buffer
        g = nesterov ? g + momentum * buffer : buffer
      }
      value[i] -= learningRate * g
    }
  }
}
