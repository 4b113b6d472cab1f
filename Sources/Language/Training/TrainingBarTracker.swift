/// Follows a fit's steps and makes the bar for each: the epoch's running loss and an estimate of
/// the time left.
///
/// The running loss weighs each batch by its size, as the epoch's `loss` does, so at an epoch's
/// last step the bar shows the epoch line's loss (for an epoch resumed in the middle, the steps
/// since the resume). The estimate assumes the steps still to come take as long as those seen so
/// far, validation included: `elapsed / stepsSeen × stepsLeft`.
package struct TrainingBarTracker {
  /// The epochs the fit runs to.
  let epochs: Int
  /// The samples in an epoch.
  let samples: Int
  /// The batch size (the last batch of an epoch may be smaller).
  let batchSize: Int
  private var epoch = 0
  private var lossSum = 0.0
  private var counted = 0
  private var stepsSeen = 0

  /// A tracker for a fit over `samples` samples in batches of `batchSize`, to `epochs` epochs.
  package init(epochs: Int, samples: Int, batchSize: Int) {
    self.epochs = epochs
    self.samples = samples
    self.batchSize = batchSize
  }

  /// Counts step `step` of `steps` of `epoch` (both from 1) with its batch's `loss`, reported
  /// `elapsed` seconds after the fit started, and returns the bar to draw.
  package mutating func bar(
    epoch: Int, step: Int, steps: Int, loss: Float, elapsed: Double
  ) -> TrainingBar {
    if epoch != self.epoch {
      self.epoch = epoch
      lossSum = 0
      counted = 0
    }
    let size = max(0, min(batchSize, samples - (step - 1) * batchSize))
    lossSum += Double(loss) * Double(size)
    counted += size
    stepsSeen += 1
    let stepsLeft = (epochs - epoch) * steps + (steps - step)
    return TrainingBar(
      epoch: epoch, epochs: epochs, step: step, steps: steps,
      loss: counted > 0 ? lossSum / Double(counted) : Double(loss), elapsed: elapsed,
      remaining: elapsed / Double(stepsSeen) * Double(max(0, stepsLeft)))
  }
}
