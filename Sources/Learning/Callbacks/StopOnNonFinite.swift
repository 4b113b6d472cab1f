import Engine
import Foundation

/// Stops training when a batch's loss is NaN or infinite, before that batch's update, with a
/// message that says what most likely happened.
///
/// "loss became NaN at epoch 3, step 41: the learning rate 1 is likely too large; try 0.1" —
/// or, when the batch itself holds NaN or infinite inputs, that the data needs cleaning; or, when
/// the model's weights were already NaN at the first step (left by an earlier run that
/// diverged, so the loss is not finite before any update), that the model must be built again;
/// or, when weights and inputs are finite at the first step, that huge values overflow in the
/// forward pass and the data needs standardizing.
public final class StopOnNonFinite: Callback {
  /// Creates the callback.
  public init() {}

  /// Stops with an explanation if `loss` is not finite.
  public func batchLossComputed(_ loss: Float, batch: Tensor, trainer: Trainer) -> CallbackDecision
  {
    guard !loss.isFinite else { return .proceed }
    let what = loss.isNaN ? "NaN" : "infinite"
    let place = "loss became \(what) at epoch \(trainer.epoch + 1), step \(trainer.batchIndex + 1)"
    if batch.values.contains(where: { !$0.isFinite }) {
      return .stop(
        .nonFinite(
          message: "\(place): \(NonFiniteCause.nonFiniteInputs.phrase); "
            + "clean or impute the data before training"))
    }
    if trainer.epoch == 0 && trainer.batchIndex == 0 {
      let weights = trainer.model.parameters.flatMap(\.value)
      if weights.allSatisfy(\.isFinite) {
        let input = batch.values.map(abs).max() ?? 0
        let weight = weights.map(abs).max() ?? 0
        return .stop(
          .nonFinite(
            message: "\(place), before any update of this run: "
              + "\(NonFiniteCause.overflow.phrase), with inputs up to \(shortest(Double(input))) "
              + "and weights up to \(shortest(Double(weight))); standardize the data (or build the "
              + "model again)"))
      }
      return .stop(
        .nonFinite(
          message: "\(place), before any update of this run: the model's "
            + "\(NonFiniteCause.brokenWeights.phrase) (NaN or huge), most likely by an earlier run "
            + "that diverged; build the model again"))
    }
    let rate = Double(trainer.optimizer.learningRate)
    return .stop(
      .nonFinite(
        message: "\(place): the learning rate \(shortest(rate)) "
          + "\(NonFiniteCause.largeRate.phrase); try \(shortest(rate / 10))"))
  }

  /// `rate` in at most six significant digits: 0.0001 rather than 0.000100000005.
  private func shortest(_ rate: Double) -> String {
    String(format: "%g", rate)
  }
}
