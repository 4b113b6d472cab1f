/// Where training stands after a batch or an epoch, as the fit loop reports it.
public struct ProgressReport: Sendable, Equatable {
  /// The current epoch, from 1.
  public var epoch: Int
  /// The number of epochs asked for.
  public var epochs: Int
  /// The batches finished in this epoch, from 1.
  public var batch: Int
  /// The number of batches in an epoch.
  public var batches: Int
  /// The mean training loss over this epoch's batches so far.
  public var loss: Double
  /// The validation loss, known at the end of an epoch when validation data was given.
  public var validationLoss: Double?
  /// Further metrics by name (such as `accuracy` or `val_accuracy`), in display order.
  public var metrics: [Metric]
  /// Seconds since training started.
  public var elapsed: Double

  /// Creates a progress report.
  public init(
    epoch: Int, epochs: Int, batch: Int, batches: Int, loss: Double,
    validationLoss: Double? = nil, metrics: [Metric] = [], elapsed: Double
  ) {
    self.epoch = epoch
    self.epochs = epochs
    self.batch = batch
    self.batches = batches
    self.loss = loss
    self.validationLoss = validationLoss
    self.metrics = metrics
    self.elapsed = elapsed
  }
}

/// A named number measured during training.
public struct Metric: Sendable, Equatable {
  /// The metric's name, such as `accuracy`.
  public var name: String
  /// Its value.
  public var value: Double

  /// Creates a metric.
  public init(_ name: String, _ value: Double) {
    self.name = name
    self.value = value
  }
}

/// How a training run ended, for the summary line.
public struct TrainingSummary: Sendable, Equatable {
  /// The epochs completed.
  public var epochsRun: Int
  /// The number of epochs asked for.
  public var epochs: Int
  /// The epoch with the lowest validation loss (or training loss without validation), from 1.
  public var bestEpoch: Int?
  /// The lowest validation (or training) loss, reached at ``bestEpoch``.
  public var bestLoss: Double?
  /// The last epoch's training loss, validation loss and metrics.
  public var final: ProgressReport?
  /// Seconds the whole run took.
  public var elapsed: Double
  /// Why training ended before `epochs`, such as `interrupted by Ctrl-C` or `early stopping`.
  public var stopReason: String?

  /// Creates a summary.
  public init(
    epochsRun: Int, epochs: Int, bestEpoch: Int? = nil, bestLoss: Double? = nil,
    final: ProgressReport? = nil, elapsed: Double, stopReason: String? = nil
  ) {
    self.epochsRun = epochsRun
    self.epochs = epochs
    self.bestEpoch = bestEpoch
    self.bestLoss = bestLoss
    self.final = final
    self.elapsed = elapsed
    self.stopReason = stopReason
  }
}

/// One thing the fit loop tells the prompt while it trains.
public enum ProgressEvent: Sendable, Equatable {
  /// A batch finished; `validationLoss` is not known yet.
  case batch(ProgressReport)
  /// An epoch finished, with its validation loss and metrics.
  case epoch(ProgressReport)
  /// Training ended.
  case finished(TrainingSummary)
}
