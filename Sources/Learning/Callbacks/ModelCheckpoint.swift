import Foundation

/// Saves the model's weights after each epoch: the latest to `last`, and the best so far (by
/// `monitor`) to `best`. Files are safetensors with PyTorch's `state_dict` names, written
/// atomically, so an interruption never leaves half a file.
public final class ModelCheckpoint: Callback {
  /// Where the best weights go, if anywhere.
  public let best: URL?
  /// Where the latest weights go, if anywhere.
  public let last: URL?
  /// The value that decides which epoch is best.
  public let monitor: Monitor
  /// The best value so far and its epoch (from 1).
  public private(set) var bestSoFar: (value: Double, epoch: Int)?

  /// Creates the callback; give `best`, `last` or both.
  public init(
    best: URL? = nil, last: URL? = nil, monitor: String = "val_loss", minDelta: Double = 0
  ) {
    self.best = best
    self.last = last
    self.monitor = Monitor(monitor, minDelta: minDelta)
  }

  /// Checks that the fit records the watched value; starts afresh unless the trainer is resuming.
  public func trainingBegan(_ trainer: Trainer) throws {
    if best != nil { try monitor.check(in: trainer.options, by: "the best-weights checkpoint") }
    if trainer.epoch == 0, trainer.batchIndex == 0 { bestSoFar = nil }
  }

  /// Writes the latest weights, and the best when this epoch improved on it.
  public func epochEnded(_ record: EpochRecord, trainer: Trainer) throws -> CallbackDecision {
    if let last { try trainer.model.saveWeights(to: last) }
    if let best {
      let value = try monitor.value(in: record)
      if monitor.improves(value, on: bestSoFar?.value) {
        bestSoFar = (value, record.epoch)
        try trainer.model.saveWeights(to: best)
      }
    }
    return .proceed
  }

  /// The best value so far and its epoch.
  public func savedState() -> CallbackState {
    var state = CallbackState()
    state.setBest(bestSoFar)
    return state
  }

  /// Puts back the best value and epoch from `savedState()`.
  public func restore(_ state: CallbackState) throws {
    bestSoFar = try state.best(of: "model checkpoint")
  }
}
