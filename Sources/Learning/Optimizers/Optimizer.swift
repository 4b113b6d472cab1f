/// Updates a model's parameters from their gradients by an `UpdateRule`, with an optional L1
/// penalty and gradient clipping.
///
/// One `step` does, in order: add the L1 penalty's gradient λ₁·sign(p) to each gradient (as if
/// λ₁·Σ|p| were part of the loss), clip the gradients, then apply the rule to each unfrozen
/// parameter. The optimizer keeps each parameter's state (moments, step count) until `reset`.
public final class Optimizer {
  /// The arithmetic of the update (a schedule that cycles momentum changes its momentum).
  public internal(set) var rule: any UpdateRule
  /// η, the current learning rate (schedules change it between steps).
  public var learningRate: Float
  /// λ₁, the weight of the L1 penalty Σ|p| (0: none).
  public var l1Penalty: Float
  /// The gradient clipping applied before each update, if any.
  public var clipping: GradientClipping?

  /// The state of one parameter: its update count and the rule's slots.
  final class State {
    var step: Int
    var slots: [Float]

    init(step: Int, slots: [Float]) {
      self.step = step
      self.slots = slots
    }

    /// An independent copy.
    func copy() -> State { State(step: step, slots: slots) }
  }

  var states: [ObjectIdentifier: State] = [:] {
    didSet { recentStates = [] }
  }

  /// The states of the parameters of recent steps, in their order: a step over the same
  /// parameters finds each one here without hashing. Emptied whenever `states` changes (also when
  /// a step creates a state; the next step fills it again).
  private var recentStates: [(parameter: ObjectIdentifier, state: State)] = []

  /// Creates an optimizer; the learning rate defaults to the rule's PyTorch default.
  public init(
    _ rule: any UpdateRule, learningRate: Float? = nil, l1Penalty: Float = 0,
    clipping: GradientClipping? = nil
  ) {
    self.rule = rule
    self.learningRate = learningRate ?? rule.defaultLearningRate
    self.l1Penalty = l1Penalty
    self.clipping = clipping
  }

  /// Applies one update to the unfrozen `parameters` from their gradients. A parameter that no
  /// backward pass has reached yet is skipped, as PyTorch skips a parameter whose `.grad` is None.
  public func step(_ parameters: [Parameter]) {
    if l1Penalty != 0 {
      for parameter in parameters where !parameter.isFrozen {
        parameter.tensor.updateInPlace { value, gradient in
          guard gradient.count == value.count else { return }
          for i in 0..<value.count {
            let p = value[i]
            gradient[i] += l1Penalty * (p > 0 ? 1 : (p < 0 ? -1 : 0))
          }
        }
      }
    }
    if let clipping { clipping.apply(to: parameters.filter { !$0.isFrozen }) }
    let (rule, learningRate) = (rule, learningRate)
    let slotsPerValue = rule.slotNames.count
    var position = 0
    for parameter in parameters where !parameter.isFrozen {
      defer { position += 1 }
      parameter.tensor.updateInPlace { value, gradient in
        guard gradient.count == value.count else { return }
        let state = state(of: parameter, position: position, slotsPerValue: slotsPerValue)
        state.step += 1
        state.slots.withUnsafeMutableBufferPointer { slots in
          rule.update(
            value: value, gradient: UnsafeBufferPointer(gradient), slots: slots, step: state.step,
            learningRate: learningRate)
        }
      }
    }
  }

  /// The state of `parameter`, the `position`th updated by this step, created at the rule's
  /// starting values on its first update, with `slotsPerValue` slots for each value. Slots the
  /// rule did not have before (momentum turned on by a one-cycle schedule) start afresh, as
  /// PyTorch starts a missing momentum buffer.
  private func state(of parameter: Parameter, position: Int, slotsPerValue: Int) -> State {
    let key = ObjectIdentifier(parameter)
    let state: State
    if position < recentStates.count, recentStates[position].parameter == key {
      state = recentStates[position].state
    } else {
      if let known = states[key] {
        state = known
      } else {
        state = State(step: 0, slots: [])
        states[key] = state
      }
      if position < recentStates.count {
        recentStates[position] = (key, state)
      } else if position == recentStates.count {
        recentStates.append((key, state))
      }
    }
    let slotCount = slotsPerValue * parameter.count
    if state.slots.count != slotCount {
      state.slots = [Float](repeating: rule.initialSlotValue, count: slotCount)
    }
    return state
  }

  /// Forgets all per-parameter state, as a fresh optimizer.
  public func reset() { states = [:] }

  /// The number of updates applied to `parameter` so far.
  public func steps(of parameter: Parameter) -> Int {
    states[ObjectIdentifier(parameter)]?.step ?? 0
  }
}
