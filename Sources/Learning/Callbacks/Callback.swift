import Engine

/// What a callback tells the fit loop after looking at an epoch.
public enum CallbackDecision: Sendable, Equatable {
  /// Keep training.
  case proceed
  /// Stop after this epoch, for this reason.
  case stop(StopReason)
}

/// A hook into the fit loop: early stopping, checkpoints, learning-rate changes, logging.
///
/// Callbacks run in the order given. Each hook has a default that does nothing, so a callback
/// implements only what it needs. They see the `Trainer`, and so the model, the optimizer and the
/// history so far.
public protocol Callback: AnyObject {
  /// Called once before the first step of `fit` (also when resuming).
  func trainingBegan(_ trainer: Trainer) throws
  /// Called after each batch's loss is computed and before the update; a stop here skips the
  /// update, so the model keeps the weights of the last completed step.
  func batchLossComputed(_ loss: Float, batch: Tensor, trainer: Trainer) -> CallbackDecision
  /// Called after each epoch's record is in the history.
  func epochEnded(_ record: EpochRecord, trainer: Trainer) throws -> CallbackDecision
  /// Called once when training stops, for whatever reason.
  func trainingEnded(_ trainer: Trainer) throws
  /// What the callback must remember across a stop and a resume, saved with the training state
  /// so that a resumed run continues as one that never stopped.
  func savedState() -> CallbackState
  /// Puts back a state from `savedState()`; throws if it is malformed (it comes from a file).
  func restore(_ state: CallbackState) throws
}

/// A callback's state in a training-state file: text values and tensors, under names of the
/// callback's choosing.
public struct CallbackState: Equatable {
  /// Text values by name.
  public var values: [String: String]
  /// Tensors, such as remembered weights.
  public var tensors: [NamedTensor]

  /// Creates a state; an empty one means the callback keeps nothing.
  public init(values: [String: String] = [:], tensors: [NamedTensor] = []) {
    self.values = values
    self.tensors = tensors
  }

  /// Whether there is nothing in it.
  public var isEmpty: Bool { values.isEmpty && tensors.isEmpty }

  /// Keeps a best value and its epoch as `best_value` and `best_epoch` (nothing for none).
  mutating func setBest(_ best: (value: Double, epoch: Int)?) {
    guard let best else { return }
    values["best_value"] = "\(best.value)"
    values["best_epoch"] = "\(best.epoch)"
  }

  /// The best value and epoch kept by `setBest`, or nil; throws, naming `callback`, if malformed.
  func best(of callback: String) throws(ModelError) -> (value: Double, epoch: Int)? {
    guard let text = values["best_value"] else { return nil }
    guard let value = Double(text), let epoch = values["best_epoch"].flatMap({ Int($0) }) else {
      throw ModelError("the \(callback) state's best value or epoch is malformed")
    }
    return (value, epoch)
  }
}

extension Callback {
  /// Does nothing.
  public func trainingBegan(_ trainer: Trainer) throws {}
  /// Proceeds.
  public func batchLossComputed(_ loss: Float, batch: Tensor, trainer: Trainer) -> CallbackDecision
  {
    .proceed
  }
  /// Proceeds.
  public func epochEnded(_ record: EpochRecord, trainer: Trainer) throws -> CallbackDecision {
    .proceed
  }
  /// Does nothing.
  public func trainingEnded(_ trainer: Trainer) throws {}
  /// Nothing: a callback without state.
  public func savedState() -> CallbackState { CallbackState() }
  /// Does nothing.
  public func restore(_ state: CallbackState) throws {}
}

/// What the fit loop reports to whoever shows progress (the REPL draws a bar from it).
public enum TrainingProgress: Sendable, Equatable {
  /// A step finished: `step` of `steps` in `epoch` (both counting from 1), with its loss.
  case step(epoch: Int, step: Int, steps: Int, loss: Float)
  /// An epoch finished.
  case epoch(EpochRecord)
}
