import Datasets

/// What a run was trained on and with, beyond its per-epoch series: the reference levels of its
/// data, the names the learner's session gave its model and data, and the settings that decide
/// what a diagnosis may advise (early stopping, dropout, weight decay, a schedule, the model's
/// hidden layers).
public struct RunContext: Codable, Sendable, Equatable {
  /// The training data's reference levels for the run's loss.
  public var reference: ReferenceLevels
  /// The names the learner's session knows the model, the training data and the validation
  /// data by (nil when they were written as expressions rather than names).
  public var names: Names
  /// The widths of the model's hidden dense layers (empty for a linear model).
  public var hiddenWidths: [Int]
  /// The activation between the hidden layers, by its PyTorch name (`ReLU`, `Tanh`); nil
  /// without one.
  public var activation: String?
  /// The number of features the model takes.
  public var inputs: Int
  /// The number of outputs.
  public var outputs: Int
  /// The largest dropout probability among the model's layers; 0 without dropout.
  public var dropout: Double
  /// The optimizer's weight decay (L2 or decoupled); 0 without.
  public var weightDecay: Double
  /// The patience of the run's early stopping, if it had one.
  public var earlyStoppingPatience: Int?
  /// Whether that early stopping restores the best epoch's weights when it stops.
  public var restoresBestWeights: Bool
  /// Whether the learning rate followed a schedule (including `reduce_on_plateau`).
  public var hasSchedule: Bool
  /// The number of training samples.
  public var samples: Int

  /// The names in the learner's session.
  public struct Names: Codable, Sendable, Equatable {
    /// The model's name.
    public var model: String?
    /// The training data's name.
    public var data: String?
    /// The validation data's name.
    public var validation: String?

    /// Names as written in the `fit` call.
    public init(model: String? = nil, data: String? = nil, validation: String? = nil) {
      self.model = model
      self.data = data
      self.validation = validation
    }
  }

  /// The context of `trainer` training on `data`.
  public init(trainer: Trainer, data: Dataset, names: Names = Names()) {
    reference = ReferenceLevels(data: data, loss: trainer.loss)
    self.names = names
    let dense = trainer.model.layers.compactMap { $0 as? Dense }
    hiddenWidths = dense.dropLast().map(\.outputSize)
    activation = trainer.model.layers.lazy.compactMap { $0 as? ActivationLayer }.first?.kind
    inputs = trainer.model.inputFeatures
    outputs = trainer.model.outputFeatures
    dropout =
      trainer.model.layers.compactMap { ($0 as? Dropout).map { Double($0.probability) } }
      .max() ?? 0
    weightDecay = Double(trainer.optimizer.settings["weight_decay"].flatMap(Float.init) ?? 0)
    let stopper = trainer.options.callbacks.lazy.compactMap { $0 as? EarlyStopping }.first
    earlyStoppingPatience = stopper?.patience
    restoresBestWeights = stopper?.restoreBestWeights ?? false
    hasSchedule =
      trainer.options.schedule != nil
      || trainer.options.callbacks.contains { $0 is ReduceLearningRateOnPlateau }
    samples = data.count
  }

  /// A context given field by field (for runs made without a trainer, and tests).
  public init(
    reference: ReferenceLevels, names: Names = Names(), hiddenWidths: [Int] = [16],
    activation: String? = "ReLU", inputs: Int = 2, outputs: Int = 1, dropout: Double = 0,
    weightDecay: Double = 0,
    earlyStoppingPatience: Int? = nil, restoresBestWeights: Bool = false,
    hasSchedule: Bool = false, samples: Int = 100
  ) {
    self.reference = reference
    self.names = names
    self.hiddenWidths = hiddenWidths
    self.activation = activation
    self.inputs = inputs
    self.outputs = outputs
    self.dropout = dropout
    self.weightDecay = weightDecay
    self.earlyStoppingPatience = earlyStoppingPatience
    self.restoresBestWeights = restoresBestWeights
    self.hasSchedule = hasSchedule
    self.samples = samples
  }
}
