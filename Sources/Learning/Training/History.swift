/// What happened in one epoch of training.
public struct EpochRecord: Sendable, Equatable, Codable {
  /// The epoch's number, counting from 1.
  public var epoch: Int
  /// The mean training loss over the epoch's batches, weighted by batch size.
  public var trainLoss: Double
  /// The loss on the validation data after the epoch, if there was any.
  public var validationLoss: Double?
  /// Metrics by name: `accuracy` on the training data, `val_accuracy` on the validation data.
  public var metrics: [String: Double]
  /// The learning rate used in the epoch (its last step's, when a schedule changes it per step).
  public var learningRate: Double
  /// The wall-clock duration of the epoch in seconds.
  public var seconds: Double

  /// Creates a record.
  public init(
    epoch: Int, trainLoss: Double, validationLoss: Double?, metrics: [String: Double] = [:],
    learningRate: Double, seconds: Double
  ) {
    self.epoch = epoch
    self.trainLoss = trainLoss
    self.validationLoss = validationLoss
    self.metrics = metrics
    self.learningRate = learningRate
    self.seconds = seconds
  }

  /// A value by its history name: `loss`, `val_loss`, `lr`, or a metric's name.
  public func value(of name: String) -> Double? {
    switch name {
    case "loss", "train_loss": trainLoss
    case "val_loss", "validation_loss": validationLoss
    case "lr", "learning_rate": learningRate
    default: metrics[name]
    }
  }
}

/// Why training stopped.
public enum StopReason: Sendable, Equatable {
  /// All epochs ran.
  case completed
  /// Early stopping fired after `epoch` (counting from 1).
  case earlyStopping(epoch: Int)
  /// The cancellation flag was raised; the model is at the last completed step.
  case cancelled
  /// The loss became NaN or infinite; `message` explains the likely cause.
  case nonFinite(message: String)
  /// A callback asked to stop, for the reason it gave.
  case requested(reason: String)
}

/// The per-epoch record of a training run.
public struct History: Sendable, Equatable {
  /// One record per completed epoch, in order.
  public var epochs: [EpochRecord] = []
  /// Why training stopped, once it has.
  public var stopReason: StopReason?
  /// The earlier epoch whose weights the model was given back when training ended (early
  /// stopping's best), if a callback put back weights other than the last epoch's.
  public var restoredEpoch: Int?

  /// Creates an empty history.
  public init() {}

  /// The values of `name` (see `EpochRecord.value(of:)`) per epoch, nil where missing.
  public func series(_ name: String) -> [Double?] { epochs.map { $0.value(of: name) } }

  /// The epoch (from 1) with the lowest `monitor` value (`val_loss` by default, falling back to
  /// `loss` when there is no validation data).
  public func bestEpoch(monitor: String = "val_loss") -> Int? {
    let values = epochs.compactMap { record in record.value(of: monitor).map { (record.epoch, $0) }
    }
    if values.isEmpty, monitor == "val_loss" { return bestEpoch(monitor: "loss") }
    return values.min { $0.1 < $1.1 }?.0
  }
}
