import Datasets
import Engine
import Foundation
import Support

extension Trainer {
  /// Trains on `data` as `fit` does and returns the run: its parameters (model, loss, optimizer
  /// and its settings, schedule, batch size, epochs, seed, dataset and provenance, trainbook
  /// version), history, final metrics, duration and how it ended (`RunRecord.ending(_:)`). With a
  /// `store`, the run gets an id there and is saved in it (JSON and CSV).
  public func fitRecordingRun(
    _ data: Dataset, name: String, store: RunStore? = nil, created: Date = Date()
  ) throws -> RunRecord {
    let id = try (store ?? RunStore(folder: FileManager.default.temporaryDirectory))
      .makeID(createdAt: created)
    let clock = ContinuousClock()
    let started = clock.now
    let history = try fit(data)
    let ending = RunRecord.ending(history.stopReason)
    let run = RunRecord(
      id: id, name: name, created: created, parameters: runParameters(data),
      history: history.runSeries, finalMetrics: Self.finalMetrics(history),
      duration: (clock.now - started).seconds, status: ending.status, message: ending.message)
    try store?.save(run)
    return run
  }

  /// The settings of this trainer on `data`, by `RunRecord.Parameter` keys.
  public func runParameters(_ data: Dataset) -> [String: String] {
    let optimizerSettings = optimizer.settings.sorted { $0.key < $1.key }
      .map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
    var parameters = [
      RunRecord.Parameter.model: model.shortDescription,
      RunRecord.Parameter.loss: loss.name,
      RunRecord.Parameter.optimizer: "\(optimizer.rule.name)(\(optimizerSettings))",
      RunRecord.Parameter.batchSize: "\(options.batchSize)",
      RunRecord.Parameter.epochs: "\(options.epochs)",
      RunRecord.Parameter.seed: "\(options.seed)",
      RunRecord.Parameter.dataset: data.name,
      RunRecord.Parameter.provenance: "\(data.provenance)",
      RunRecord.Parameter.version: Trainbook.version,
      "shuffle": "\(options.shuffle)",
      "parameters": "\(model.parameterCount)",
    ]
    if let schedule = options.schedule {
      parameters[RunRecord.Parameter.schedule] = schedule.description
    }
    return parameters
  }

  private static func finalMetrics(_ history: History) -> [String: Double] {
    guard let last = history.epochs.last else { return [:] }
    var metrics = last.metrics
    metrics[RunRecord.Series.loss] = last.trainLoss
    if let validation = last.validationLoss {
      metrics[RunRecord.Series.validationLoss] = validation
    }
    return metrics
  }
}

extension Sequential {
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
}
