/// The arithmetic of one optimizer: how a parameter moves given its gradient and its state.
///
/// A rule sees one parameter at a time: its values, its gradient, and `slots`, the rule's
/// per-parameter state (moments, accumulators), laid out as `slotNames.count` consecutive runs
/// of `value.count` floats, all zero before the first step unless `initialSlotValue` says
/// otherwise. `step` counts this parameter's updates from 1, as PyTorch's `state["step"]`.
public protocol UpdateRule: Sendable {
  /// PyTorch's class name: "SGD", "Adam", "AdamW", "RMSprop", "Adagrad".
  var name: String { get }
  /// The rate PyTorch uses when none is given.
  var defaultLearningRate: Float { get }
  /// The names of the per-parameter state, as in PyTorch's optimizer `state_dict`
  /// (`exp_avg`, `exp_avg_sq`, `momentum_buffer`, …).
  var slotNames: [String] { get }
  /// The value the state starts from (Adagrad's `initial_accumulator_value`; 0 otherwise).
  var initialSlotValue: Float { get }
  /// The settings for run records, e.g. `["momentum": 0.9, "nesterov": true]`.
  var settings: [String: SettingValue] { get }
  /// Where the rule keeps the momentum a schedule may cycle, as PyTorch's `OneCycleLR` does
  /// (SGD's and RMSprop's μ, Adam's β₁); nil for a rule without one.
  static var cycledMomentum: WritableKeyPath<Self, Float>? { get }
  /// Moves `value` by one step.
  func update(
    value: UnsafeMutableBufferPointer<Float>, gradient: UnsafeBufferPointer<Float>,
    slots: UnsafeMutableBufferPointer<Float>, step: Int, learningRate: Float)
}

extension UpdateRule {
  /// Zero, the usual starting state.
  public var initialSlotValue: Float { 0 }
  /// None: the rule has no momentum to cycle.
  public static var cycledMomentum: WritableKeyPath<Self, Float>? { nil }

  /// The same rule with its cycled momentum set to `momentum`; nil for a rule without one.
  public func settingMomentum(_ momentum: Float) -> (any UpdateRule)? {
    guard let path = Self.cycledMomentum else { return nil }
    var rule = self
    rule[keyPath: path] = momentum
    return rule
  }
}
