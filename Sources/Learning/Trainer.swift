import Datasets
import Engine

/// The fit loop: trains a model on a dataset by mini-batch gradient descent, one epoch at a time,
/// and keeps everything needed to stop and resume exactly.
///
/// Each step gathers a batch, runs the model forward in training mode, computes the loss and its
/// gradient, lets callbacks look at the loss (a NaN stops here, before the update), back-propagates,
/// and asks the optimizer to update the parameters. After each epoch the loop evaluates the
/// validation data, records the epoch in `history`, and runs the callbacks.
///
/// The position (epoch, batch, the epoch's sample order, the random generator, the epoch's
/// running loss) lives in the trainer, so calling `fit` again after a cancellation continues where
/// it stopped, and `TrainingState` saves it for another process.
public final class Trainer {
  /// The model being trained.
  public let model: Sequential
  /// The loss minimised.
  public let loss: Loss
  /// The optimizer updating the model.
  public let optimizer: Optimizer
  /// How training runs.
  public var options: FitOptions
  /// The per-epoch history so far.
  public internal(set) var history = History()
  /// The number of completed epochs.
  public internal(set) var epoch = 0
  /// The index of the next batch within the current epoch.
  public internal(set) var batchIndex = 0
  /// The number of completed steps over all epochs.
  public internal(set) var globalStep = 0
  /// The order of the samples in the current epoch (empty before it starts).
  public internal(set) var permutation: [Int] = []
  /// The generator behind shuffling and dropout.
  public internal(set) var generator: RandomGenerator
  /// The sum of batch losses times batch sizes in the current epoch, and the samples counted.
  var epochLossSum: Double = 0
  var epochSamples = 0
  /// The augmenter of the training batches, made on the first `fit` that asks for augmentation.
  var augmenter: Augmenter?

  /// Creates a trainer at the start of training.
  public init(model: Sequential, loss: Loss, optimizer: Optimizer, options: FitOptions = FitOptions()) {
    self.model = model
    self.loss = loss
    self.optimizer = optimizer
    self.options = options
    self.generator = RandomGenerator(seed: options.seed)
  }

  /// Trains on `data` until `options.epochs` epochs are complete, a callback stops it, or the
  /// cancellation flag is raised; returns the history. Throws if the data does not fit the model
  /// or a callback fails (for example, cannot write a checkpoint).
  @discardableResult
  public func fit(_ data: Dataset) throws -> History {
    guard options.epochs >= 0, options.batchSize > 0 else {
      throw ModelError(
        "fit needs a positive batch size and a non-negative number of epochs, got batch "
          + "\(options.batchSize) and \(options.epochs) epochs")
    }
    try check(data)
    try model.checkBatches(count: data.count, batchSize: options.batchSize)
    if let validation = options.validation { try check(validation) }
    history.stopReason = nil
    for callback in options.callbacks { try callback.trainingBegan(self) }
    if batchIndex > 0,
      permutation.count != data.count || !permutation.allSatisfy({ (0..<data.count).contains($0) })
    {
      throw ModelError(
        "this training stopped in an epoch over \(permutation.count) samples; resume it with "
          + "the same data, not \(data.count) samples")
    }
    if !options.augmentation.isEmpty, augmenter == nil {
      augmenter = try Augmenter(
        options.augmentation, featureCount: data.featureCount, seed: options.seed &+ 1)
    }
    var batchFeatures: [Float] = []
    var batchTargets: [Float] = []
    let steps = (data.count + options.batchSize - 1) / options.batchSize
    var stopReason = StopReason.completed
    training: while epoch < options.epochs {
      let clock = ContinuousClock()
      let started = clock.now
      if batchIndex == 0 {
        permutation = options.shuffle ? generator.permutation(data.count) : Array(0..<data.count)
        epochLossSum = 0
        epochSamples = 0
      }
      while batchIndex < steps {
        if options.isCancelled() {
          stopReason = .cancelled
          break training
        }
        let lower = batchIndex * options.batchSize
        let indices = permutation[lower..<min(lower + options.batchSize, data.count)]
        if let schedule = options.schedule {
          let index = schedule.clock == .step ? globalStep : epoch
          optimizer.learningRate = Float(schedule.learningRate(at: index))
        }
        data.gather(indices, features: &batchFeatures, targets: &batchTargets)
        augmenter?.apply(to: &batchFeatures)
        let batch = Matrix(rows: indices.count, columns: data.featureCount, values: batchFeatures)
        if case .stop(let reason) = step(batch, targets: batchTargets) {
          stopReason = reason
          break training
        }
        options.progress(
          .step(epoch: epoch + 1, step: batchIndex, steps: steps, loss: lastBatchLoss))
      }
      let record = try endEpoch(data, seconds: (clock.now - started).seconds)
      options.progress(.epoch(record))
      for callback in options.callbacks {
        if case .stop(let reason) = try callback.epochEnded(record, trainer: self) {
          stopReason = reason
          break training
        }
      }
    }
    history.stopReason = stopReason
    for callback in options.callbacks { try callback.trainingEnded(self) }
    return history
  }

  /// The loss of the last completed batch.
  public private(set) var lastBatchLoss: Float = 0

  /// One step on one batch; returns a callback's stop before the update, or `.proceed`.
  func step(_ batch: Matrix, targets: [Float]) -> CallbackDecision {
    model.zeroGradients()
    var pass = ForwardPass(isTraining: true, generator: generator)
    let output = model.forwardUnchecked(batch, pass: &pass)
    let (value, gradient) = loss.evaluateUnchecked(output, targets: targets)
    for callback in options.callbacks {
      let decision = callback.batchLossComputed(value, batch: batch, trainer: self)
      if case .stop = decision { return decision }
    }
    generator = pass.generator
    model.backward(gradient)
    optimizer.step(model.parameters)
    model.updatesApplied += 1
    lastBatchLoss = value
    epochLossSum += Double(value) * Double(batch.rows)
    epochSamples += batch.rows
    batchIndex += 1
    globalStep += 1
    return .proceed
  }

  private func endEpoch(_ data: Dataset, seconds: Double) throws -> EpochRecord {
    epoch += 1
    batchIndex = 0
    var validationLoss: Double?
    var metrics: [String: Double] = [:]
    if !options.metrics.isEmpty {
      for (name, value) in try evaluate(data).metrics { metrics[name] = value }
    }
    if let validation = options.validation {
      let evaluation = try evaluate(validation)
      validationLoss = evaluation.loss
      for (name, value) in evaluation.metrics { metrics["val_" + name] = value }
    }
    let record = EpochRecord(
      epoch: epoch, trainLoss: epochSamples > 0 ? epochLossSum / Double(epochSamples) : .nan,
      validationLoss: validationLoss, metrics: metrics,
      learningRate: Double(optimizer.learningRate), seconds: seconds)
    history.epochs.append(record)
    return record
  }

  /// The loss and the metrics of `options.metrics` of the model on `data`, in evaluation mode.
  public func evaluate(_ data: Dataset) throws -> (loss: Double, metrics: [String: Double]) {
    try check(data)
    let outputs = try model.predict(
      Matrix(rows: data.count, columns: data.featureCount, values: data.features))
    var metrics: [String: Double] = [:]
    for metric in options.metrics {
      metrics[metric.rawValue] = try metric.value(outputs: outputs, targets: data.targets)
    }
    return (Double(loss.evaluateUnchecked(outputs, targets: data.targets).value), metrics)
  }

  /// Throws unless `data` fits the model and the loss.
  func check(_ data: Dataset) throws(ModelError) {
    guard data.featureCount == model.inputFeatures else {
      throw ModelError(
        "the model takes \(model.inputFeatures) features but \(data.name) has \(data.featureCount)")
    }
    guard data.count > 0 else { throw ModelError("\(data.name) has no samples to train on") }
    do {
      try loss.check(outputs: model.outputFeatures, targets: data.targets)
    } catch {
      throw ModelError("\(data.name): \(error.message)")
    }
  }

}

extension Duration {
  /// The duration in seconds.
  var seconds: Double {
    let (whole, attoseconds) = components
    return Double(whole) + Double(attoseconds) * 1e-18
  }
}
