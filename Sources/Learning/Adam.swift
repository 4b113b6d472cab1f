import Foundation

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
  public init(beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8, weightDecay: Float = 0) {
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
  public var settings: [String: Double] {
    [
      "beta1": Double(beta1), "beta2": Double(beta2), "eps": Double(epsilon),
      "weight_decay": Double(weightDecay),
    ]
  }

  /// One step, by the formula in the type's documentation.
  public func update(
    value: UnsafeMutableBufferPointer<Float>, gradient: UnsafeBufferPointer<Float>,
    slots: UnsafeMutableBufferPointer<Float>, step: Int, learningRate: Float
  ) {
    let count = value.count
    let stepSize = Float(Double(learningRate) / (1 - pow(Double(beta1), Double(step))))
    let correction2 = Float((1 - pow(Double(beta2), Double(step))).squareRoot())
    let decay = decoupled ? 1 - learningRate * weightDecay : 1
    let l2 = decoupled ? 0 : weightDecay
    for i in 0..<count {
      if decoupled { value[i] *= decay }
      let g = gradient[i] + l2 * value[i]
      let m = slots[i] + (1 - beta1) * (g - slots[i])
      let v = beta2 * slots[count + i] + (1 - beta2) * g * g
      slots[i] = m
      slots[count + i] = v
      value[i] -= stepSize * (m / (v.squareRoot() / correction2 + epsilon))
    }
  }
}
