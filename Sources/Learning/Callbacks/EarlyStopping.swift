/// Stops training when a monitored value has stopped improving, and puts back the best weights.
///
/// After each epoch the monitored value (`val_loss` by default) counts as an improvement when it
/// beats the best so far by more than `minDelta` (lower for losses and errors, higher for
/// accuracy-like metrics). After `patience` epochs without one, training stops. With
/// `restoreBestWeights`, the weights of the best epoch are restored when it stops — and also when
/// training runs out of epochs first, which Keras does not do (a known pitfall: its model then
/// keeps the last epoch's weights). A cancelled run keeps the weights of its last step.
public final class EarlyStopping: Callback {
  /// The value watched and what counts as an improvement.
  public let monitor: Monitor
  /// The number of epochs without improvement tolerated.
  public let patience: Int
  /// Whether to put back the best epoch's weights at the end.
  public let restoreBestWeights: Bool
  /// The best value seen, and the epoch (from 1) it was seen in.
  public private(set) var best: (value: Double, epoch: Int)?
  private var bestWeights: [NamedTensor] = []
  private var epochsWithoutImprovement = 0

  /// Creates the callback.
  public init(
    monitor: String = "val_loss", patience: Int = 5, minDelta: Double = 0,
    restoreBestWeights: Bool = true
  ) {
    self.monitor = Monitor(monitor, minDelta: minDelta)
    self.patience = max(patience, 0)
    self.restoreBestWeights = restoreBestWeights
  }

  /// Checks that the fit records the watched value; starts afresh unless the trainer is resuming.
  public func trainingBegan(_ trainer: Trainer) throws {
    try monitor.check(in: trainer.options, by: "early stopping")
    guard trainer.epoch == 0, trainer.batchIndex == 0 else { return }
    best = nil
    bestWeights = []
    epochsWithoutImprovement = 0
  }

  /// Remembers an improvement, or counts an epoch without one and stops after `patience`.
  public func epochEnded(_ record: EpochRecord, trainer: Trainer) throws -> CallbackDecision {
    let value = try monitor.value(in: record)
    let improved = monitor.improves(value, on: best?.value)
    if improved {
      best = (value, record.epoch)
      if restoreBestWeights { bestWeights = trainer.model.stateDict() }
      epochsWithoutImprovement = 0
      return .proceed
    }
    epochsWithoutImprovement += 1
    return epochsWithoutImprovement >= patience
      ? .stop(.earlyStopping(epoch: record.epoch)) : .proceed
  }

  /// Restores the best weights, however training ended, unless it was cancelled, and notes in
  /// the history which epoch's weights the model now holds when that is not the last epoch.
  public func trainingEnded(_ trainer: Trainer) throws {
    guard restoreBestWeights, !bestWeights.isEmpty, trainer.history.stopReason != .cancelled,
      let best
    else { return }
    try trainer.model.load(stateDict: bestWeights)
    if best.epoch != trainer.history.epochs.last?.epoch {
      trainer.history.restoredEpoch = best.epoch
    }
  }

  /// The best value and epoch, the epochs since, and the best weights.
  public func savedState() -> CallbackState {
    var state = CallbackState(
      values: ["epochs_without_improvement": "\(epochsWithoutImprovement)"], tensors: bestWeights)
    state.setBest(best)
    return state
  }

  /// Puts back a state from `savedState()`.
  public func restore(_ state: CallbackState) throws {
    guard let count = state.values["epochs_without_improvement"].flatMap({ Int($0) }),
      (0...largestSavedCount).contains(count)
    else {
      throw ModelError("the early stopping state has no valid count of epochs without improvement")
    }
    best = try state.best(of: "early stopping")
    epochsWithoutImprovement = count
    bestWeights = state.tensors
  }
}
