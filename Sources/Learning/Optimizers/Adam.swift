import Engine

/// Adam (Kingma and Ba 2015) and AdamW (Loshchilov and Hutter 2019), PyTorch's
/// `torch.optim.Adam` and `torch.optim.AdamW`.
///
/// For each value, with gradient g, learning rate η, step t, weight decay λ:
/// ```
/// Adam:   g ← g + λ·p                (L2 folded into the gradient)
/// AdamW:  p ← p·(1 − η·λ)            (decoupled weight decay)
/// m ← m + (1 − β₁)·(g − m)
/// v ← β₂·v + (1 − β₂)·g²
/// p ← p − (η / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
/// ```
/// which is PyTorch's arrangement of m̂ / (√v̂ + ε). Defaults as PyTorch: η = 1e-3,
/// β = (0.9, 0.999), ε = 1e-8, λ = 0 for Adam and 1e-2 for AdamW.
public struct Adam: UpdateRule {
  /// β₁, the decay of the first moment.
  public var beta1: Float
  /// β₂, the decay of the second moment.
  public var beta2: Float
  /// ε, added to the denominator.
  public var epsilon: Float
  /// λ, the weight decay.
  public var weightDecay: Float
  /// True for AdamW's decoupled weight decay, false for Adam's L2 in the gradient.
  public var decoupled: Bool

  /// Adam with PyTorch's defaults.
  public init(
    beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8, weightDecay: Float = 0
  ) {
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
    self.weightDecay = weightDecay
    self.decoupled = false
  }

  /// AdamW with PyTorch's defaults (λ = 1e-2).
  public static func adamW(
    beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8, weightDecay: Float = 1e-2
  ) -> Adam {
    var rule = Adam(beta1: beta1, beta2: beta2, epsilon: epsilon, weightDecay: weightDecay)
    rule.decoupled = true
    return rule
  }

  /// "Adam" or "AdamW".
  public var name: String { decoupled ? "AdamW" : "Adam" }
  /// 1e-3, as PyTorch.
  public var defaultLearningRate: Float { 1e-3 }
  /// `exp_avg` (m) and `exp_avg_sq` (v).
  public var slotNames: [String] { ["exp_avg", "exp_avg_sq"] }
  /// The settings.
  public var settings: [String: SettingValue] {
    [
      "beta1": .decimal(beta1), "beta2": .decimal(beta2), "eps": .decimal(epsilon),
      "weight_decay": .decimal(weightDecay),
    ]
  }

  /// β₁, which one-cycle schedules cycle.
  public static var cycledMomentum: WritableKeyPath<Adam, Float>? { \.beta1 }

  /// One step, by the formula in the type's documentation.
  public func update(
    value: UnsafeMutableBufferPointer<Float>, gradient: UnsafeBufferPointer<Float>,
    slots: UnsafeMutableBufferPointer<Float>, step: Int, learningRate: Float
  ) {
    let count = value.count
    let stepSize = Float(Double(learningRate) / (1 - power(Double(beta1), step)))
    let correction2 = Float((1 - power(Double(beta2), step)).squareRoot())
    let decay: Float = decoupled ? 1 - learningRate * weightDecay : 1
    let l2: Float = decoupled ? 0 : weightDecay
    guard let p = value.baseAddress, let g = gradient.baseAddress, let m = slots.baseAddress else {
      return
    }
    let step = AdamStep(
      beta1: beta1, beta2: beta2, epsilon: epsilon, stepSize: stepSize,
      correction2: correction2, decay: decay, l2: l2)
    updateEightAtATime(count, value: p, gradient: g, first: m, second: m + count, step)
  }
}

/// One step of Adam on eight values, with the step's constants worked out once.
private struct AdamStep: EightLaneUpdate {
  let beta1: Float
  let beta2: Float
  let epsilon: Float
  /// η / (1 − β₁ᵗ).
  let stepSize: Float
  /// √(1 − β₂ᵗ).
  let correction2: Float
  /// 1 − η·λ for AdamW, else 1.
  let decay: Float
  /// λ for Adam, else 0.
  let l2: Float

  @inline(__always)
  func update(
    value: inout SIMD8<Float>, gradient: SIMD8<Float>, first: inout SIMD8<Float>,
    second: inout SIMD8<Float>
  ) {
    value *= decay
    let g = gradient + l2 * value
    first += (1 - beta1) * (g - first)
    second = beta2 * second + (1 - beta2) * g * g
    value -= stepSize * (first / (second.squareRoot() / correction2 + epsilon))
  }
}

/// `base` to the power `exponent` (≥ 0) by repeated squaring: a few multiplications where
/// `pow` would cost as much as a whole update of a small layer, and within an ulp of it.
private func power(_ base: Double, _ exponent: Int) -> Double {
  var result = 1.0
  var square = base
  var remaining = exponent
  while remaining > 0 {
    if remaining & 1 == 1 { result *= square }
    square *= square
    remaining >>= 1
  }
  return result
}
