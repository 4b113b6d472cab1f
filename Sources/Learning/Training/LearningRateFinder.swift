import Datasets
import Engine
import Foundation

/// The curve of a learning-rate range test and the rate it suggests.
public struct LearningRateFinderResult: Sendable, Equatable {
  /// The rate of each step, increasing exponentially.
  public var rates: [Double]
  /// The smoothed loss after each step.
  public var losses: [Double]
  /// A rate where the loss falls fastest, or nil when the curve never fell.
  public var suggestion: Double?
}

/// A learning-rate range test (Smith 2017, "Cyclical Learning Rates"; fastai's `lr_find`).
///
/// Trains for up to `steps` full mini-batches (in a seeded order, epoch after epoch) while the
/// rate grows exponentially from `start` to `end`: rate_i = start · (end/start)^(i/(steps − 1)).
/// The loss is smoothed by an exponential moving average with bias correction,
/// s_i = (β·a_{i−1} + (1 − β)·loss_i) / (1 − β^{i+1}), β = 0.98, and the test stops once s_i exceeds 4× the lowest smoothed loss or is not finite.
/// The suggestion is the rate at the steepest descent of the smoothed loss against log(rate),
/// away from the curve's two ends.
/// `isCancelled` is polled before each step (the REPL's Ctrl-C flag); once it is raised the test
/// ends with the curve so far. Afterwards the model's weights and the optimizer's state are
/// exactly as before.
public func findLearningRate(
  model: Sequential, loss: Loss, optimizer: Optimizer, data: Dataset, start: Double = 1e-7,
  end: Double = 10, steps: Int = 100, batchSize: Int = 32, seed: UInt64 = 0,
  isCancelled: () -> Bool = { false }
) throws -> LearningRateFinderResult {
  guard start > 0, end > start, steps >= 2, batchSize > 0 else {
    throw ModelError(
      "the range test needs 0 < start < end, 2 or more steps and a positive batch size; got "
        + "start \(start), end \(end), \(steps) steps, batch \(batchSize)")
  }
  try model.checkBatches(count: min(batchSize, data.count), batchSize: batchSize)
  let savedWeights = model.stateDict()
  let savedStates = optimizer.states.mapValues { $0.copy() }
  let savedRate = optimizer.learningRate
  let savedUpdates = model.updatesApplied
  defer {
    try? model.load(stateDict: savedWeights)
    optimizer.states = savedStates
    optimizer.learningRate = savedRate
    model.updatesApplied = savedUpdates
  }
  let trainer = Trainer(
    model: model, loss: loss, optimizer: optimizer,
    options: FitOptions(epochs: 1, batchSize: batchSize, seed: seed, callbacks: []))
  try trainer.check(data)
  var loader = try BatchLoader(
    count: data.count, batchSize: min(batchSize, data.count), dropsLast: true, seed: seed)
  var batchFeatures: [Float] = []
  var batchTargets: [Float] = []
  var average = 0.0
  var lowest = Double.infinity
  var result = LearningRateFinderResult(rates: [], losses: [], suggestion: nil)
  for step in 0..<steps {
    guard !isCancelled() else { break }
    // Full batches only, epoch after epoch (nil ends an epoch once).
    guard
      let indices = loader.nextBatch(of: data, features: &batchFeatures, targets: &batchTargets)
        ?? loader.nextBatch(of: data, features: &batchFeatures, targets: &batchTargets)
    else { break }
    let rate = start * pow(end / start, Double(step) / Double(steps - 1))
    optimizer.learningRate = Float(rate)
    _ = try trainer.step(
      Tensor(
        shape: Shape(rows: indices.count, columns: data.featureCount),
        storage: .copying(batchFeatures)),
      targets: batchTargets)
    average = 0.98 * average + 0.02 * Double(trainer.lastBatchLoss)
    let smoothed = average / (1 - pow(0.98, Double(step + 1)))
    guard smoothed.isFinite, smoothed <= 4 * lowest || step == 0 else { break }
    lowest = min(lowest, smoothed)
    result.rates.append(rate)
    result.losses.append(smoothed)
  }
  result.suggestion = steepestDescent(result.rates, result.losses)
  return result
}

/// The rate where the loss falls fastest against log(rate), by central differences, leaving out
/// the first 10 points (where the smoothed loss is still the noise of a few batches) and the last
/// 5 (where it turns to diverge), as fastai's `lr_find` does, when there are enough of them.
private func steepestDescent(_ rates: [Double], _ losses: [Double]) -> Double? {
  guard rates.count >= 3 else { return nil }
  let (skipStart, skipEnd) = rates.count >= 30 ? (10, 5) : (1, 1)
  var best: (slope: Double, rate: Double)?
  for i in skipStart..<(rates.count - skipEnd) {
    let slope = (losses[i + 1] - losses[i - 1]) / (log(rates[i + 1]) - log(rates[i - 1]))
    if slope < 0, slope < best?.slope ?? 0 { best = (slope, rates[i]) }
  }
  return best?.rate
}
