import Datasets
import Engine
import Foundation
import Support

extension Trainer {
  /// Trains on `data` as `fit` does and returns the run: its settings (read from this trainer
  /// by `runSettings(data:names:)`), history, final values, best epoch, duration and how it
  /// ended (`RunRecord.ending(_:)`). The one place a fit becomes a run: the prompt, scripts,
  /// replays and tests all record runs here. Saving it is the caller's (`RunStore.save`).
  ///
  /// A run that diverged within an epoch keeps that epoch as a last row whose loss is the value
  /// that stopped it (NaN or infinite), so its history shows where it broke. A run that starts
  /// from scratch keeps its start as `experiment`, for exports to other frameworks.
  public func fitRecordingRun(
    _ data: Dataset, name: String, id: String, created: Date = Date(),
    names: RunNames = RunNames()
  ) throws -> RunRecord {
    let startsFresh = epoch == 0 && batchIndex == 0 && globalStep == 0
    experiment = startsFresh ? Experiment(self, data: data) : nil
    let clock = ContinuousClock()
    let started = clock.now
    // Read before training: a plateau callback or a schedule changes the optimizer's rate as it
    // trains, and the run records the rate it was given.
    let settings = runSettings(data: data, names: names)
    let history = try fit(data)
    let ending = RunRecord.ending(history.stopReason, restoredEpoch: history.restoredEpoch)
    var series = history.runSeries
    var finalValues = history.finalValues
    if ending.status == .diverged, let loss = nonFiniteLoss {
      for key in series.keys { series[key]?.append(.nan) }
      // The broken epoch's seconds are those since the last whole epoch ended.
      let wholeEpochs = history.epochs.reduce(0) { $0 + $1.seconds }
      series[RunRecord.Series.seconds]?[history.epochs.count] = max(
        0, (clock.now - started).seconds - wholeEpochs)
      series[RunRecord.Series.loss]?[history.epochs.count] = Double(loss)
      series[RunRecord.Series.learningRate]?[history.epochs.count] = Double(
        optimizer.learningRate)
      finalValues[RunRecord.Series.loss] = Double(loss)
    }
    return RunRecord(
      id: id, name: name, created: created, settings: settings,
      history: series, finalMetrics: finalValues, duration: (clock.now - started).seconds,
      status: ending.status, message: ending.message,
      reference: ReferenceLevels(data: data, loss: loss))
  }

  /// The settings of this trainer on `data`, in the words trainbook's language uses.
  public func runSettings(data: Dataset, names: RunNames = RunNames()) -> RunSettings {
    var optimizerSettings = optimizer.rule.settings
    optimizerSettings["lr"] = .decimal(optimizer.learningRate)
    if optimizer.l1Penalty != 0 { optimizerSettings["l1"] = .decimal(optimizer.l1Penalty) }
    switch optimizer.clipping {
    case .norm(let limit): optimizerSettings["clip_norm"] = .decimal(limit)
    case .value(let limit): optimizerSettings["clip_value"] = .decimal(limit)
    case nil: break
    }
    return RunSettings(
      model: model.runDescription(variable: names.model),
      loss: loss.runComponent,
      optimizer: RunComponent(optimizer.rule.name.lowercased(), optimizerSettings),
      schedule: options.schedule?.description, epochs: options.epochs,
      batchSize: options.batchSize, shuffle: options.shuffle, seed: options.seed,
      metrics: options.metrics.map(\.rawValue),
      augmentation: options.augmentation.map { "\($0)" },
      callbacks: options.callbacks.compactMap { ($0 as? any RecordedCallback)?.runComponent },
      data: RunData(data, variable: names.data),
      validation: options.validation.map { RunData($0, variable: names.validation) },
      version: Trainbook.version)
  }
}

/// The learner's names for what a fit trained, recorded with the run so advice can use them.
public struct RunNames: Sendable, Equatable {
  /// The model's variable (`net`).
  public var model: String?
  /// The training data's variable (`train`).
  public var data: String?
  /// The validation data's variable (`val`).
  public var validation: String?

  /// Names as the fit was written; nil where an argument was not a plain variable.
  public init(model: String? = nil, data: String? = nil, validation: String? = nil) {
    self.model = model
    self.data = data
    self.validation = validation
  }
}

/// A callback whose settings shape training, so a run records it (early stopping, plateaus).
public protocol RecordedCallback {
  /// Its name and settings as the run records them.
  var runComponent: RunComponent { get }
}

extension EarlyStopping: RecordedCallback {
  /// `early_stopping` with `monitor`, `patience`, `min_delta` and `restore_best`.
  public var runComponent: RunComponent {
    RunComponent(
      "early_stopping",
      [
        "monitor": .text(monitor.name), "patience": .number(Double(patience)),
        "min_delta": .number(monitor.minDelta), "restore_best": .flag(restoreBestWeights),
      ])
  }
}

extension ReduceLearningRateOnPlateau: RecordedCallback {
  /// `reduce_on_plateau` with `monitor`, `factor`, `patience` and `min_lr`.
  public var runComponent: RunComponent {
    RunComponent(
      "reduce_on_plateau",
      [
        "monitor": .text(monitor.name), "factor": .number(factor),
        "patience": .number(Double(patience)), "min_lr": .number(minimumRate),
      ])
  }
}

extension Loss {
  /// The loss's name with its settings (`huber` with `delta`, `cross_entropy` with
  /// `label_smoothing`).
  var runComponent: RunComponent {
    switch self {
    case .huber(let delta): RunComponent(name, ["delta": .number(Double(delta))])
    case .crossEntropy(let smoothing):
      RunComponent(name, ["label_smoothing": .number(Double(smoothing))])
    default: RunComponent(name)
    }
  }
}

extension Sequential {
  /// The model as a run records it, called `variable` by the learner.
  func runDescription(variable: String?) -> RunSettings.Model {
    let dense = layers.compactMap { $0 as? Dense }
    return RunSettings.Model(
      variable: variable, layers: shortDescription, inputs: inputFeatures,
      hidden: dense.dropLast().map(\.outputSize), outputs: outputFeatures,
      dropout: layers.compactMap { ($0 as? Dropout).map { Double($0.probability) } }.max() ?? 0,
      parameters: parameterCount)
  }

  /// The layers in one line: "Linear(2→16), ReLU, Linear(16→1)".
  public var shortDescription: String {
    layers.map { layer in
      if let dense = layer as? Dense { return "Linear(\(dense.inputSize)→\(dense.outputSize))" }
      if let dropout = layer as? Dropout { return "Dropout(\(dropout.probability))" }
      if let norm = layer as? BatchNorm { return "BatchNorm1d(\(norm.features))" }
      return layer.kind
    }.joined(separator: ", ")
  }
}

extension History {
  /// The per-epoch series of a run record: `loss`, `val_loss` (NaN where an epoch had none),
  /// `lr`, `seconds` and each metric by name.
  public var runSeries: [String: [Double]] {
    var series: [String: [Double]] = [
      RunRecord.Series.loss: epochs.map(\.trainLoss),
      RunRecord.Series.learningRate: epochs.map(\.learningRate),
      RunRecord.Series.seconds: epochs.map(\.seconds),
    ]
    if epochs.contains(where: { $0.validationLoss != nil }) {
      series[RunRecord.Series.validationLoss] = epochs.map { $0.validationLoss ?? .nan }
    }
    for name in Set(epochs.flatMap(\.metrics.keys)) {
      series[name] = epochs.map { $0.metrics[name] ?? .nan }
    }
    return series
  }

  /// The last epoch's `loss`, `val_loss` and metrics, by name; empty before any epoch.
  public var finalValues: [String: Double] {
    guard let last = epochs.last else { return [:] }
    var values = last.metrics
    values[RunRecord.Series.loss] = last.trainLoss
    if let validation = last.validationLoss {
      values[RunRecord.Series.validationLoss] = validation
    }
    return values
  }
}
