import Foundation

/// The settings of a run that a diagnosis reads and writes its advice from: the one place that
/// reads them out of a `RunRecord` (its typed `RunSettings` and reference levels), with
/// defaults for a record that has none.
public struct AdviceSettings: Sendable, Equatable {
  /// The optimizer's name, e.g. `sgd`.
  public var optimizerName: String
  /// The optimizer's settings besides the rate, as they were given (`momentum: 0.9`).
  public var optimizerSettings: [(label: String, value: String)]
  /// The learning rate the optimizer was given (before any schedule).
  public var rate: Double
  /// The batch size.
  public var batch: Int
  /// The number of epochs asked for.
  public var epochs: Int
  /// The number of training samples.
  public var samples: Int?
  /// The learner's names for the model, the training data and the validation data.
  public var names: RunNames
  /// The model's features in, hidden widths and outputs; nil without settings.
  public var shape: (inputs: Int, hidden: [Int], outputs: Int)?
  /// The activation between hidden layers, by its PyTorch name (`ReLU`, `Tanh`).
  public var activation: String?
  /// The largest dropout probability of the model; 0 without dropout.
  public var dropout: Double
  /// The optimizer's weight decay; 0 without.
  public var weightDecay: Double
  /// The patience of the run's early stopping, if it had one, and whether it restores the best
  /// epoch's weights.
  public var earlyStopping: (patience: Int, restoresBest: Bool)?
  /// Whether the learning rate followed a schedule.
  public var hasSchedule: Bool
  /// The training data's reference levels, when the run recorded them.
  public var reference: ReferenceLevels?

  /// The settings of `run`.
  public init(_ run: RunRecord) {
    let settings = run.settings
    let optimizer = settings?.optimizer
    optimizerName = optimizer?.name ?? "adam"
    optimizerSettings = (optimizer?.settings ?? [:]).filter { $0.key != "lr" }
      .sorted { $0.key < $1.key }.map { ($0.key, $0.value.description) }
    if case .number(let rate) = optimizer?.settings["lr"] {
      self.rate = rate
    } else {
      rate = run.history[RunRecord.Series.learningRate]?.first ?? 0.001
    }
    batch = settings?.batchSize ?? 32
    epochs = settings?.epochs ?? run.epochCount
    samples = settings?.data.samples
    names = RunNames(
      model: settings?.model.variable, data: settings?.data.variable,
      validation: settings?.validation?.variable)
    shape = settings.map { ($0.model.inputs, $0.model.hidden, $0.model.outputs) }
    let layers = settings?.model.layers.split(separator: ",").map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    activation = layers?.first { layer in
      !["Linear", "Dropout", "BatchNorm1d"].contains { layer.hasPrefix($0) }
    }
    dropout = settings?.model.dropout ?? 0
    if case .number(let decay) = optimizer?.settings["weight_decay"] {
      weightDecay = decay
    } else {
      weightDecay = 0
    }
    let stopper = settings?.callbacks.first { $0.name == "early_stopping" }
    earlyStopping = stopper.map { component in
      var patience = 5
      if case .number(let value) = component.settings["patience"] { patience = Int(value) }
      var restores = true
      if case .flag(let flag) = component.settings["restore_best"] { restores = flag }
      return (patience, restores)
    }
    hasSchedule =
      settings?.schedule != nil
      || settings?.callbacks.contains { $0.name == "reduce_on_plateau" } == true
    reference = run.reference
  }

  /// Two settings are equal when they would give the same advice.
  public static func == (lhs: AdviceSettings, rhs: AdviceSettings) -> Bool {
    lhs.optimizer(rate: lhs.rate) == rhs.optimizer(rate: rhs.rate) && lhs.batch == rhs.batch
      && lhs.epochs == rhs.epochs && lhs.names == rhs.names && lhs.reference == rhs.reference
      && lhs.shape?.hidden == rhs.shape?.hidden && lhs.dropout == rhs.dropout
      && lhs.earlyStopping?.patience == rhs.earlyStopping?.patience
      && lhs.hasSchedule == rhs.hasSchedule && lhs.activation == rhs.activation
  }

  /// The optimizer's call with the learning rate `rate`, its other settings kept, and the
  /// settings in `changes` set (`weight_decay` on `adam` makes it `adamw`).
  public func optimizer(rate newRate: Double, _ changes: [(label: String, value: String)] = [])
    -> String
  {
    var name = optimizerName
    let kept = optimizerSettings.filter { setting in
      !changes.contains { $0.label == setting.label } && !Self.isDefault(setting, of: name)
    }
    if name == "adam", changes.contains(where: { $0.label == "weight_decay" }) { name = "adamw" }
    let all = [("lr", DiagnosisNumbers.format(newRate))] + changes + kept
    return name + "(" + all.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + ")"
  }

  /// Whether `setting` is the optimizer's default (so the call can leave it out), or one the
  /// language's optimizers do not take as an argument.
  private static func isDefault(_ setting: (label: String, value: String), of name: String)
    -> Bool
  {
    let defaults: [String: Double] = [
      "momentum": 0, "weight_decay": name == "adamw" ? 0.01 : 0, "beta1": 0.9, "beta2": 0.999,
      "l1": 0, "alpha": 0.99,
    ]
    if setting.label == "nesterov" { return setting.value == "false" }
    guard let standard = defaults[setting.label] else {
      return !["clip_norm", "clip_value"].contains(setting.label)
    }
    return Double(setting.value) == standard
  }
}
