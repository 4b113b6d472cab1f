import Learning

/// A learning-rate schedule as a value of the language. It is a recipe: `fit` turns it into a
/// schedule once it knows the optimizer's rate (the peak), the epochs and the batches per epoch.
final class ScheduleObject: HostObject {
  /// The recipes.
  enum Recipe {
    /// ×`gamma` every `every` epochs.
    case stepDecay(every: Int, gamma: Double)
    /// ×`gamma` per epoch.
    case exponential(gamma: Double)
    /// Linear warmup over `warmup` epochs, then cosine down to `minimum`, per step.
    case cosine(warmup: Int, minimum: Double)
    /// Up to `peak` (or the optimizer's rate) and down again over the run, per step.
    case oneCycle(peak: Double?, rising: Double)
    /// ×`factor` after `patience` epochs without improvement of `monitor`.
    case reduceOnPlateau(monitor: String, factor: Double, patience: Int, minimum: Double)
  }

  /// The recipe.
  let recipe: Recipe
  /// The call that made it, for display.
  let call: String

  init(_ recipe: Recipe, call: String) {
    self.recipe = recipe
    self.call = call
  }

  var typeName: String { "schedule" }
  var summary: String { call }

  /// The names of the schedules, as registered.
  static let names = Builtin.schedules.map(\.name)

  /// What a `schedule:` argument accepts: a schedule, or a schedule's name (called with its
  /// defaults, as `optimizer: adam` means `adam()`).
  static var type: ValueType { .either(.host("schedule"), .choice("schedule", names)) }

  /// The schedule or callback that carries out the recipe in a fit starting at `rate`.
  func resolve(
    rate: Double, epochs: Int, stepsPerEpoch: Int
  ) throws -> (schedule: Schedule?, callback: (any Callback)?) {
    let steps = max(epochs * stepsPerEpoch, 2)
    switch recipe {
    case .stepDecay(let every, let gamma):
      return (.step(try StepDecay(initialRate: rate, stepSize: every, gamma: gamma)), nil)
    case .exponential(let gamma):
      return (.exponential(ExponentialDecay(initialRate: rate, gamma: gamma)), nil)
    case .cosine(let warmup, let minimum):
      let warmupSteps = min(warmup * stepsPerEpoch, steps - 1)
      return (
        .warmupCosine(
          try WarmupCosine(
            peakRate: rate, warmupSteps: warmupSteps, totalSteps: steps, minimumRate: minimum)),
        nil
      )
    case .oneCycle(let peak, let rising):
      return (
        .oneCycle(try OneCycle(maxRate: peak ?? rate, totalSteps: steps, pctStart: rising)), nil
      )
    case .reduceOnPlateau(let monitor, let factor, let patience, let minimum):
      return (
        nil,
        ReduceLearningRateOnPlateau(
          monitor: monitor, factor: factor, patience: patience, minimumRate: minimum)
      )
    }
  }
}
