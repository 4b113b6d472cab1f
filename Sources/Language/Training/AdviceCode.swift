import Learning

/// A diagnosis's advice written as code the learner can type: a `fit` call on the data by the
/// names the learner's session gave it, changed in one way. Advice to train again starts from a
/// fresh model like the run's, written out in full (the trained one has learned, or broken, what
/// the advice is about); advice to train longer continues the run's model by its name. When the
/// run does not say what it was trained on, the changed `fit` argument alone.
struct AdviceCode {
  let settings: AdviceSettings
  private let format = DiagnosisNumbers.format

  /// One line of code per piece of advice (advice that has no code, such as cleaning the data,
  /// gives none).
  func lines(_ advice: [Advice]) -> [String] { advice.compactMap(line) }

  private func line(_ advice: Advice) -> String? {
    let rate = settings.rate
    switch advice {
    case .learningRate(let new):
      return fit([("optimizer", settings.optimizer(rate: new))])
    case .clipGradients(let norm):
      return fit([("optimizer", settings.optimizer(rate: rate, [("clip_norm", format(norm))]))])
    case .schedule: return fit([("schedule", "cosine()")])
    case .trainLonger(let epochs):
      // A fresh model needs the epochs already run as well.
      let total = names?.model == nil ? settings.epochs + epochs : epochs
      return fit([("epochs", "\(total)")], freshModel: false)
    case .hiddenLayers(let widths): return fit([], model: model(hidden: widths))
    case .earlyStopping(let patience):
      return fit([("callbacks", "[early_stopping(patience: \(patience))]")])
    case .weightDecay(let decay):
      return fit([
        ("optimizer", settings.optimizer(rate: rate, [("weight_decay", format(decay))]))
      ])
    case .dropout(let probability): return fit([], model: model(dropout: probability))
    case .batchSize(let batch): return fit([("batch", "\(batch)")])
    case .adam(let new): return fit([("optimizer", "adam(lr: \(format(new)))")])
    case .anotherSeed: return fit([], model: model(seed: 2))
    case .moreData:
      guard let data = names?.data else { return nil }
      return fit([], data: "augment(\(data), noise: 0.05)")
    case .standardize:
      guard let data = names?.data else { return "train, val = standardize(train, val)" }
      guard let validation = names?.validation else { return "\(data) = standardize(\(data))" }
      return "\(data), \(validation) = standardize(\(data), \(validation))"
    case .cleanData: return nil
    case .rebuildModel:
      return (names?.model.map { "\($0) = " } ?? "") + (model() ?? "mlp(inputs: …, outputs: …)")
    }
  }

  private var names: RunNames? { settings.names }

  /// A fresh model like the run's, with some of its settings changed; nil without a context.
  private func model(hidden: [Int]? = nil, dropout: Double? = nil, seed: Int = 1) -> String? {
    guard let shape = settings.shape else { return nil }
    let widths = (hidden ?? shape.hidden).map(String.init).joined(separator: ", ")
    var arguments = ["inputs: \(shape.inputs)", "hidden: [\(widths)]"]
    arguments.append("outputs: \(shape.outputs)")
    if let activation = settings.activation, activation != "ReLU" {
      arguments.append(
        "activation: " + (activation == "LeakyReLU" ? "leaky_relu" : activation.lowercased()))
    }
    let rate = dropout ?? settings.dropout
    if rate > 0 { arguments.append("dropout: \(format(rate))") }
    arguments.append("seed: \(seed)")
    return "mlp(" + arguments.joined(separator: ", ") + ")"
  }

  /// A `fit` call like the run's with `changes`, on `model` (or the run's model), or the changes
  /// alone as `fit` arguments when the run does not name its data.
  private func fit(
    _ changes: [(label: String, value: String)], model fresh: String? = nil,
    data: String? = nil, freshModel: Bool = true
  ) -> String? {
    let written = changes.map { "\($0.label): \($0.value)" }.joined(separator: ", ")
    let named = freshModel ? nil : names?.model
    guard let data = data ?? names?.data, let model = fresh ?? named ?? self.model() else {
      return written.isEmpty ? nil : written
    }
    var arguments = [model, data]
    if let validation = names?.validation { arguments.append("validation: \(validation)") }
    let labels = Set(changes.map(\.label))
    if !labels.contains("optimizer") {
      arguments.append("optimizer: \(settings.optimizer(rate: settings.rate))")
    }
    arguments += changes.map { "\($0.label): \($0.value)" }
    if !labels.contains("epochs") { arguments.append("epochs: \(settings.epochs)") }
    if !labels.contains("batch"), settings.batch != 32 {
      arguments.append("batch: \(settings.batch)")
    }
    return "fit(" + arguments.joined(separator: ", ") + ")"
  }
}
