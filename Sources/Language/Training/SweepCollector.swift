import Datasets
import Learning

/// The fits a sweep's block asks for, one per setting and seed, gathered while the block runs
/// and trained together afterwards by `SweepTraining`.
final class SweepCollector {
  /// One fit waiting to train: the trainer made by `fit`, its data, and how to record it.
  struct PendingFit {
    var run: TrainingRun
    var trainer: Trainer
    var data: Dataset
    var point: SweepPlan.Point
  }

  /// The sweep's axes, seeds and runs.
  let plan: SweepPlan
  /// The run whose block is running.
  var current: SweepPlan.Point?
  /// The fits gathered so far, in the order of the plan's points.
  private(set) var fits: [PendingFit] = []
  /// The point of the fit that owns each parameter, to refuse a model shared between runs.
  private var owners: [ObjectIdentifier: SweepPlan.Point] = [:]

  init(plan: SweepPlan) {
    self.plan = plan
  }

  /// Keeps `trainer`'s fit on `data` for the current run; throws if the run already has one,
  /// if its model is another run's, or if it writes files the other runs would overwrite.
  func add(_ run: TrainingRun, trainer: Trainer, data: Dataset) throws -> PendingRunObject {
    guard let point = current else {
      throw CallError("this fit ran outside the sweep's block")
    }
    guard fits.count == point.index else {
      throw CallError(
        "a sweep's block trains one run per setting and seed; this is a second fit for "
          + point.description,
        hint: "give each experiment its own sweep")
    }
    for parameter in trainer.model.parameters {
      if let owner = owners[ObjectIdentifier(parameter)] {
        throw CallError(
          "each run of a sweep needs its own model, but this one shares its weights with the "
            + "run for \(owner.description)",
          hint: "build the model inside the block, as in mlp(inputs: 2, hidden: [16], "
            + "outputs: 1, seed: seed), or train copy(net)",
          argument: "model")
      }
    }
    if trainer.options.callbacks.contains(where: {
      $0 is ModelCheckpoint || $0 is TrainingStateCheckpoint || $0 is LogEachEpoch
    }) {
      throw CallError(
        "a sweep's runs train at the same time, so checkpoint(…) and log_epochs(…) files "
          + "would overwrite each other",
        hint: "leave them out of the sweep; save the best run's weights after it with "
          + "save_weights", argument: "callbacks")
    }
    for parameter in trainer.model.parameters { owners[ObjectIdentifier(parameter)] = point }
    var named = run
    if !run.nameIsGiven { named.name = point.description }
    fits.append(PendingFit(run: named, trainer: trainer, data: data, point: point))
    return PendingRunObject(name: named.name)
  }
}

/// What `fit` gives inside a sweep's block: the run is not trained yet, so it has no numbers;
/// they are read from the sweep's result once every run has trained.
final class PendingRunObject: HostObject {
  /// The run's name.
  let name: String

  init(name: String) {
    self.name = name
  }

  var typeName: String { "run" }

  var summary: String {
    "run \"\(name)\" (trains once the sweep's block has run for every setting and seed)"
  }

  func field(named field: String) throws -> Value? {
    throw CallError(
      "a run in a sweep's block trains after the block has run for every setting and seed, "
        + "so it has no `\(field)` yet",
      hint: "read it from the sweep's result: s = sweep(…) { … }, then s.runs")
  }
}
