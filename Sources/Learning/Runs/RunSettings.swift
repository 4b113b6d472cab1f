/// One setting's value as run files and TensorBoard's hparams keep it: a number, a flag or text.
public enum SettingValue: Codable, Sendable, Equatable, CustomStringConvertible {
  /// A number, such as a learning rate or a batch size.
  case number(Double)
  /// A yes-or-no setting, such as `shuffle`.
  case flag(Bool)
  /// Text, such as an optimizer's name.
  case text(String)

  /// The value as JSON holds it: a bare number, `true`/`false` or a string.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let flag = try? container.decode(Bool.self) {
      self = .flag(flag)
    } else if let number = try? container.decode(Double.self) {
      self = .number(number)
    } else {
      self = .text(try container.decode(String.self))
    }
  }

  /// Writes the value as a bare JSON number, flag or string.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .number(let number): try container.encode(number)
    case .flag(let flag): try container.encode(flag)
    case .text(let text): try container.encode(text)
    }
  }

  /// `0.01`, `32`, `true`, `adam`: numbers in their shortest exact form, whole ones without `.0`.
  public var description: String {
    switch self {
    case .number(let number):
      if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
      return numberText(number)
    case .flag(let flag): return "\(flag)"
    case .text(let text): return text
    }
  }
}

/// A part of a run named with its settings: the optimizer (`adam` with `lr`, `beta1`, …), the
/// loss (`huber` with `delta`), a callback (`early_stopping` with `patience`, …).
public struct RunComponent: Codable, Sendable, Equatable {
  /// Its name, as trainbook's language calls it (`adam`, `bce`, `early_stopping`).
  public var name: String
  /// Its settings by name.
  public var settings: [String: SettingValue]

  /// A component called `name` with `settings`.
  public init(_ name: String, _ settings: [String: SettingValue] = [:]) {
    self.name = name
    self.settings = settings
  }
}

/// What a run trained, on what, and how: every setting as a typed value, read from the trainer by
/// `Trainer.fitRecordingRun`, so every fit records the same settings in the same words.
public struct RunSettings: Codable, Sendable, Equatable {
  /// The model: the learner's name for it, its layers and its size.
  public struct Model: Codable, Sendable, Equatable {
    /// The variable the learner trained (`net`), when the fit named one.
    public var variable: String?
    /// The layers in one line: "Linear(2→8), ReLU, Dropout(0.5), Linear(8→1)".
    public var layers: String
    /// The features it takes.
    public var inputs: Int
    /// The widths of its hidden dense layers (empty for a linear model).
    public var hidden: [Int]
    /// The features it gives.
    public var outputs: Int
    /// The largest dropout probability among its layers; 0 without dropout.
    public var dropout: Double
    /// The number of trainable and frozen parameters.
    public var parameters: Int

    /// A model description.
    public init(
      variable: String? = nil, layers: String, inputs: Int, hidden: [Int] = [], outputs: Int,
      dropout: Double = 0, parameters: Int
    ) {
      self.variable = variable
      self.layers = layers
      self.inputs = inputs
      self.hidden = hidden
      self.outputs = outputs
      self.dropout = dropout
      self.parameters = parameters
    }
  }

  /// The model trained.
  public var model: Model
  /// The loss minimised, with its settings.
  public var loss: RunComponent
  /// The optimizer: its name and every setting, the learning rate as `lr`.
  public var optimizer: RunComponent
  /// The learning-rate schedule in words, if any: "step 0.1 × 0.5 every 10 epochs".
  public var schedule: String?
  /// The epochs asked for (counted from the run's start, also when it was resumed).
  public var epochs: Int
  /// Samples per step.
  public var batchSize: Int
  /// Whether each epoch visited the samples in a new order.
  public var shuffle: Bool
  /// The seed of the batch order, dropout masks and augmentation.
  public var seed: UInt64
  /// The metrics recorded each epoch.
  public var metrics: [String]
  /// The augmentation applied to training batches, in words; empty for none.
  public var augmentation: [String]
  /// The callbacks that shape training (early stopping, plateaus), with their settings.
  public var callbacks: [RunComponent]
  /// The training data.
  public var data: RunData
  /// The validation data, if any.
  public var validation: RunData?
  /// The trainbook version that trained the run.
  public var version: String

  /// Settings as the fit loop used them.
  public init(
    model: Model, loss: RunComponent, optimizer: RunComponent, schedule: String? = nil,
    epochs: Int, batchSize: Int, shuffle: Bool = true, seed: UInt64 = 0, metrics: [String] = [],
    augmentation: [String] = [], callbacks: [RunComponent] = [], data: RunData,
    validation: RunData? = nil, version: String
  ) {
    self.model = model
    self.loss = loss
    self.optimizer = optimizer
    self.schedule = schedule
    self.epochs = epochs
    self.batchSize = batchSize
    self.shuffle = shuffle
    self.seed = seed
    self.metrics = metrics
    self.augmentation = augmentation
    self.callbacks = callbacks
    self.data = data
    self.validation = validation
    self.version = version
  }

  enum CodingKeys: String, CodingKey {
    case model, loss, optimizer, schedule, epochs, shuffle, seed, metrics, augmentation
    case callbacks, data, validation, version
    case batchSize = "batch_size"
  }

  /// The settings as one flat list of named values, in a fixed order: what `compare` sets side
  /// by side and TensorBoard's HParams dashboard shows. The optimizer's settings appear under
  /// their own names (`lr`, `momentum`), the loss function as `loss_function` (`loss` is the
  /// loss's value) with its settings as `loss_function.delta`, a callback's as
  /// `early_stopping.patience`.
  public var flattened: [(name: String, value: SettingValue)] {
    var list: [(String, SettingValue)] = [
      ("model", .text(model.layers)), ("parameters", .number(Double(model.parameters))),
      ("loss_function", .text(loss.name)),
    ]
    list += loss.settings.sorted { $0.key < $1.key }
      .map { ("loss_function.\($0.key)", $0.value) }
    list.append(("optimizer", .text(optimizer.name)))
    let rate = optimizer.settings["lr"].map { [("lr", $0)] } ?? []
    list +=
      rate
      + optimizer.settings.filter { $0.key != "lr" }.sorted { $0.key < $1.key }
      .map { ($0.key, $0.value) }
    list += [
      ("schedule", .text(schedule ?? "none")), ("epochs", .number(Double(epochs))),
      ("batch_size", .number(Double(batchSize))), ("shuffle", .flag(shuffle)),
      ("seed", .text("\(seed)")), ("data", .text(data.source.summary)),
      ("validation", .text(validation?.source.summary ?? "none")),
    ]
    if !augmentation.isEmpty {
      list.append(("augmentation", .text(augmentation.joined(separator: ", "))))
    }
    for callback in callbacks {
      list.append((callback.name, .flag(true)))
      list += callback.settings.sorted { $0.key < $1.key }
        .map { ("\(callback.name).\($0.key)", $0.value) }
    }
    return list
  }
}

extension SettingValue {
  /// A `Float` setting as the decimal it was written as (`0.9`, not `0.8999999761581421`).
  public static func decimal(_ value: Float) -> SettingValue {
    .number(Double("\(value)") ?? Double(value))
  }
}
