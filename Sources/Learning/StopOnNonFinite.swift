/// Stops training when a batch's loss is NaN or infinite, before that batch's update, with a
/// message that says what most likely happened.
///
/// "loss became NaN at epoch 3, step 41: the learning rate 1.0 is likely too large; try 0.1" —
/// or, when the batch itself holds NaN or infinite inputs, that the data needs cleaning.
public final class StopOnNonFinite: Callback {
  /// Creates the callback.
  public init() {}

  /// Stops with an explanation if `loss` is not finite.
  public func batchLossComputed(_ loss: Float, batch: Matrix, trainer: Trainer) -> CallbackDecision {
    guard !loss.isFinite else { return .proceed }
    let what = loss.isNaN ? "NaN" : "infinite"
    let place = "loss became \(what) at epoch \(trainer.epoch + 1), step \(trainer.batchIndex + 1)"
    if batch.values.contains(where: { !$0.isFinite }) {
      return .stop(.nonFinite(message: "\(place): the batch contains NaN or infinite inputs; "
        + "clean or impute the data before training"))
    }
    let rate = trainer.optimizer.learningRate
    return .stop(.nonFinite(message: "\(place): the learning rate \(rate) is likely "
      + "too large; try \(rate / 10)"))
  }
}
