import Datasets
import Engine

/// The fit loop: trains a model on a dataset by mini-batch gradient descent, one epoch at a time,
/// and keeps everything needed to stop and resume exactly.
///
/// Batches come from a Datasets `BatchLoader` (seeded with `options.seed`). Each step gathers a
/// batch, runs the model forward in training mode on the engine's graph, computes the loss, lets
/// callbacks look at it (a NaN stops here, before the update), calls `backward()` on it, and asks
/// the optimizer to update the parameters. After each epoch the loop evaluates the validation
/// data, records the epoch in `history`, and runs the callbacks.
///
/// The position (epoch, the loader's position, the dropout and augmentation generators, the
/// epoch's running loss) lives in the trainer, so calling `fit` again after a cancellation
/// continues where it stopped, and `TrainingState` saves it for another process.
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
  /// The number of completed steps over all epochs.
  public internal(set) var globalStep = 0
  /// The batches of the training data, made by the first `fit` (or restored from a saved state
  /// there).
  public internal(set) var loader: BatchLoader?
  /// A loader position read from a training state, applied when `fit` sees the data.
  var pendingLoaderPosition: BatchLoader.Position?
  /// The generator behind dropout masks, seeded from `options.seed`.
  public internal(set) var generator: RandomGenerator
  /// The sum of batch losses times batch sizes in the current epoch, and the samples counted.
  var epochLossSum: Double = 0
  var epochSamples = 0
  /// The augmenter of the training batches, made on the first `fit` that asks for augmentation.
  var augmenter: Augmenter?
  /// An augmenter generator state read from a training state, applied when `fit` makes it.
  var pendingAugmenterState: [UInt64]?
  /// What the last recorded run started from, when it started from scratch; nil when it
  /// continued this trainer's earlier training (`fitRecordingRun`).
  public internal(set) var experiment: Experiment?

  /// Creates a trainer at the start of training.
  public init(
    model: Sequential, loss: Loss, optimizer: Optimizer, options: FitOptions = FitOptions()
  ) {
    self.model = model
    self.loss = loss
    self.optimizer = optimizer
    self.options = options
    self.generator = RandomGenerator(seed: options.seed &+ 2)
  }

  /// The index of the next batch within the current epoch.
  public var batchIndex: Int { loader?.position.batch ?? pendingLoaderPosition?.batch ?? 0 }

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
    loader = try prepareLoader(for: data)
    try prepareAugmenter(for: data)
    history.stopReason = nil
    history.restoredEpoch = nil
    for callback in options.callbacks { try callback.trainingBegan(self) }
    var batchFeatures: [Float] = []
    var batchTargets: [Float] = []
    let steps = loader?.batchesPerEpoch ?? 0
    var stopReason = StopReason.completed
    training: while epoch < options.epochs {
      let clock = ContinuousClock()
      let started = clock.now
      if batchIndex == 0 {
        epochLossSum = 0
        epochSamples = 0
      }
      while let indices = loader?.upcomingBatch {
        if options.isCancelled() {
          stopReason = .cancelled
          break training
        }
        if let schedule = options.schedule {
          let index = schedule.clock == .step ? globalStep : epoch
          optimizer.learningRate = Float(schedule.learningRate(at: index))
          if let momentum = schedule.cycledMomentum(at: index),
            let cycled = optimizer.rule.settingMomentum(Float(momentum))
          {
            optimizer.rule = cycled
          }
        }
        data.gather(indices, features: &batchFeatures, targets: &batchTargets)
        augmenter?.apply(to: &batchFeatures)
        let batch = Tensor(
          shape: Shape(rows: indices.count, columns: data.featureCount),
          storage: .copying(batchFeatures))
        if case .stop(let reason) = try step(batch, targets: batchTargets) {
          stopReason = reason
          break training
        }
        _ = loader?.nextBatch()
        options.progress(
          .step(epoch: epoch + 1, step: batchIndex, steps: steps, loss: lastBatchLoss))
      }
      _ = loader?.nextBatch()
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

  /// The loader of `data`'s batches: the one so far, a saved one restored, or a new one when the
  /// data or the batch size changed at an epoch boundary. Throws if training stopped within an
  /// epoch over other data.
  private func prepareLoader(for data: Dataset) throws -> BatchLoader {
    if let pending = pendingLoaderPosition {
      var restored = try BatchLoader(
        count: data.count, batchSize: options.batchSize, shuffles: options.shuffle,
        seed: options.seed)
      do {
        try restored.restore(pending)
      } catch {
        throw ModelError(
          "this training state was saved while training on other data or batches: "
            + "\(error.message); resume it with the same data and batch size")
      }
      pendingLoaderPosition = nil
      return restored
    }
    if let loader, loader.count == data.count, loader.batchSize == options.batchSize,
      loader.shuffles == options.shuffle
    {
      return loader
    }
    if let loader, loader.position.batch > 0 {
      throw ModelError(
        "this training stopped in an epoch over \(loader.count) samples in batches of "
          + "\(loader.batchSize); resume it with the same data and batch size, not "
          + "\(data.count) samples in batches of \(options.batchSize)")
    }
    return try BatchLoader(
      count: data.count, batchSize: options.batchSize, shuffles: options.shuffle,
      seed: options.seed &+ UInt64(epoch))
  }

  /// Makes the augmenter on the first fit that asks for augmentation, at a saved state if any.
  private func prepareAugmenter(for data: Dataset) throws {
    guard !options.augmentation.isEmpty, augmenter == nil else { return }
    var made = try Augmenter(
      options.augmentation, featureCount: data.featureCount, seed: options.seed &+ 1)
    if let state = pendingAugmenterState {
      guard RandomGenerator(state: state) != nil else {
        throw ModelError("the training state's augmentation generator state is malformed")
      }
      made.generatorState = state
      pendingAugmenterState = nil
    }
    augmenter = made
  }

  /// The loss of the last completed batch.
  public private(set) var lastBatchLoss: Float = 0
  /// The NaN or infinite loss that stopped the last `fit`, if one did.
  public private(set) var nonFiniteLoss: Float?

  /// One step on one batch ([samples, features]); returns a callback's stop before the update,
  /// or `.proceed`.
  func step(_ batch: Tensor, targets: [Float]) throws -> CallbackDecision {
    model.zeroGradients()
    var pass = ForwardPass(isTraining: true, generator: generator)
    let output = try model.forward(batch, pass: &pass)
    let lossTensor = try loss.lossUnchecked(output, targets: targets)
    let value = lossTensor.scalar
    nonFiniteLoss = value.isFinite ? nil : value
    let samples = batch.shape[0]
    for callback in options.callbacks {
      let decision = callback.batchLossComputed(value, batch: batch, trainer: self)
      if case .stop = decision { return decision }
    }
    generator = pass.generator
    try lossTensor.backward()
    optimizer.step(model.parameters)
    model.updatesApplied += 1
    lastBatchLoss = value
    epochLossSum += Double(value) * Double(samples)
    epochSamples += samples
    globalStep += 1
    return .proceed
  }

  private func endEpoch(_ data: Dataset, seconds: Double) throws -> EpochRecord {
    epoch += 1
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
    return (Double(try loss.value(outputs, targets: data.targets)), metrics)
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
