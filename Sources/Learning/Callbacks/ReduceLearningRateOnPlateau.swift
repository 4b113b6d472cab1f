import Foundation

/// Lowers the optimizer's learning rate when a monitored value stops improving: a callback around
/// `PlateauSchedule` (PyTorch's `ReduceLROnPlateau`, with its defaults: factor 0.1, patience 10,
/// relative threshold 1e-4, no cooldown).
///
/// The reducer starts from the optimizer's rate when training begins; after each epoch it sees
/// the monitored value, and the optimizer's rate follows the reducer's. Do not combine it with a
/// schedule, which sets the rate before every step.
public final class ReduceLearningRateOnPlateau: Callback {
  /// The value watched.
  public let monitor: Monitor
  /// The reducer's settings and state, once training has begun.
  public private(set) var reducer: PlateauSchedule?
  /// The factor the rate is multiplied by at each reduction.
  public let factor: Double
  /// The epochs without improvement before a reduction.
  public let patience: Int
  let threshold: Double
  let cooldown: Int
  /// The lowest rate a reduction may reach.
  public let minimumRate: Double

  /// Creates the callback with PyTorch's defaults.
  public init(
    monitor: String = "val_loss", factor: Double = 0.1, patience: Int = 10,
    threshold: Double = 1e-4, cooldown: Int = 0, minimumRate: Double = 0
  ) {
    self.monitor = Monitor(monitor)
    self.factor = factor
    self.patience = patience
    self.threshold = threshold
    self.cooldown = cooldown
    self.minimumRate = minimumRate
  }

  /// Checks that the fit records the watched value; starts a reducer at the optimizer's rate,
  /// unless the trainer is resuming.
  public func trainingBegan(_ trainer: Trainer) throws {
    try monitor.check(in: trainer.options, by: "reduce on plateau")
    guard reducer == nil || (trainer.epoch == 0 && trainer.batchIndex == 0) else { return }
    reducer = try PlateauSchedule(
      initialRate: Double(trainer.optimizer.learningRate), mode: monitor.maximizes ? .max : .min,
      factor: factor, patience: patience, threshold: threshold, cooldown: cooldown,
      minimumRate: minimumRate)
  }

  /// Feeds the epoch's value to the reducer and sets the optimizer's rate to the reducer's.
  public func epochEnded(_ record: EpochRecord, trainer: Trainer) throws -> CallbackDecision {
    let value = try monitor.value(in: record)
    if var reducer {
      reducer.observe(value)
      trainer.optimizer.learningRate = Float(reducer.rate)
      self.reducer = reducer
    }
    return .proceed
  }

  /// The reducer, as JSON (nothing before training began).
  public func savedState() -> CallbackState {
    guard let reducer, let json = try? JSONEncoder().encode(reducer) else { return CallbackState() }
    return CallbackState(values: ["reducer": String(decoding: json, as: UTF8.self)])
  }

  /// Puts back a reducer from `savedState()`.
  public func restore(_ state: CallbackState) throws {
    guard let json = state.values["reducer"],
      let restored = try? JSONDecoder().decode(PlateauSchedule.self, from: Data(json.utf8)),
      (0...largestSavedCount).contains(restored.badEpochs),
      (0...largestSavedCount).contains(restored.cooldownLeft)
    else { throw ModelError("the reduce-on-plateau state is missing or malformed") }
    reducer = restored
  }
}
