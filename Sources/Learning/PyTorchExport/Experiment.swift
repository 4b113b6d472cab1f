import Datasets

/// What a run started from, kept so that another framework can take the same steps: the model
/// with its weights before the first update, the data as the run saw it, the loss, the optimizer
/// as it began (schedules change its rate and momentum as it trains), the schedule, the
/// callbacks and the seed of the batch order.
///
/// `Trainer.fitRecordingRun` takes it when a fit starts from scratch; a fit that continues a
/// trainer (a resume, a restored training state) has none, since its start lies in another fit.
public struct Experiment {
  /// The model trained; its layers' kinds and sizes never change, its weights do.
  public let model: Sequential
  /// The model's `state_dict` before the first step.
  public let initialWeights: [NamedTensor]
  /// The `state_dict` names of the parameters that were frozen (not trained).
  public let frozen: [String]
  /// The training data, after any scaling, in the order the batch indices refer to.
  public let data: Dataset
  /// The validation data evaluated after each epoch, if any.
  public let validation: Dataset?
  /// The loss minimised.
  public let loss: Loss
  /// The optimizer's update rule as it began.
  public let rule: any UpdateRule
  /// The learning rate as it began.
  public let learningRate: Float
  /// The L1 penalty added to the gradients (0: none).
  public let l1Penalty: Float
  /// The gradient clipping, if any.
  public let clipping: GradientClipping?
  /// The epochs asked for.
  public let epochs: Int
  /// Samples per step.
  public let batchSize: Int
  /// Whether each epoch drew a new order.
  public let shuffle: Bool
  /// The seed of the batch order (and of dropout masks and augmentation).
  public let seed: UInt64
  /// The metrics recorded each epoch.
  public let metrics: [Metric]
  /// The learning-rate schedule, if any.
  public let schedule: Schedule?
  /// The callbacks, in the order they ran.
  public let callbacks: [any Callback]
  /// The augmentation of the training batches; empty for none.
  public let augmentation: [Augmentation]

  /// The start of `trainer`'s training on `data`, as it is now (before its first step).
  init(_ trainer: Trainer, data: Dataset) {
    let options = trainer.options
    model = trainer.model
    initialWeights = trainer.model.stateDict()
    frozen = trainer.model.namedParameters.filter(\.parameter.isFrozen).map(\.name)
    self.data = data
    validation = options.validation
    loss = trainer.loss
    rule = trainer.optimizer.rule
    learningRate = trainer.optimizer.learningRate
    l1Penalty = trainer.optimizer.l1Penalty
    clipping = trainer.optimizer.clipping
    epochs = options.epochs
    batchSize = options.batchSize
    shuffle = options.shuffle
    seed = options.seed
    metrics = options.metrics
    schedule = options.schedule
    callbacks = options.callbacks
    augmentation = options.augmentation
  }

  /// Whether any layer draws random masks, which another framework draws differently.
  public var hasDropout: Bool {
    model.layers.contains { ($0 as? Dropout).map { $0.probability > 0 } ?? false }
  }

  /// Whether the model normalises batches, whose statistics depend on how a batch is split.
  public var hasBatchNorm: Bool { model.layers.contains { $0 is BatchNorm } }
}
