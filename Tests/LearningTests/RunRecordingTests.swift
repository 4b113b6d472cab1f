import Datasets
import Foundation
import Learning
import TestSupport
import Testing

/// Every fit becomes a run record; the epoch logger writes as training goes.
@Suite struct RunRecordingTests {
  @Test func fitBecomesASavedRunWithTypedSettings() throws {
    try withTemporaryFolder("trainbook-runs") { folder in
      let store = RunStore(folder: folder)
      let split = try Dataset.moons(count: 120, noise: 0.2, seed: 1)
        .split(train: 0.5, validation: 0.5)
      let log = folder.appendingPathComponent("epochs.csv")
      let trainer = Trainer(
        model: try .mlp(inputs: 2, hidden: [8], outputs: 1), loss: .binaryCrossEntropy,
        optimizer: Optimizer(SGD(momentum: 0.9), learningRate: 0.1),
        options: FitOptions(
          epochs: 3, batchSize: 16, seed: 4, validation: split.validation, metrics: [.accuracy],
          callbacks: [LogEachEpoch(url: log), EarlyStopping(patience: 7)]))
      let id = try store.makeID(createdAt: Date())
      let run = try trainer.fitRecordingRun(
        split.train, name: "baseline", id: id, names: RunNames(model: "net", data: "train"))
      try store.save(run)
      #expect(try store.load(id: id) == run)
      #expect(run.status == .finished && run.message == nil)
      #expect(run.history["loss"]?.count == 3 && run.history["val_accuracy"]?.count == 3)
      let last = try #require(trainer.history.epochs.last)
      #expect(run.finalMetrics["val_loss"] == last.validationLoss)
      #expect(run.finalMetrics["loss"] == last.trainLoss)
      #expect(run.finalMetrics["val_accuracy"] == last.metrics["val_accuracy"])
      let validation = try #require(run.history["val_loss"])
      #expect(run.bestEpoch == validation.indices.min { validation[$0] < validation[$1] }! + 1)
      let settings = try #require(run.settings)
      #expect(settings.model.layers == "Linear(2→8), ReLU, Linear(8→1)")
      #expect(settings.model.variable == "net" && settings.model.hidden == [8])
      #expect(settings.optimizer.name == "sgd")
      #expect(settings.optimizer.settings["lr"] == .number(0.1))
      #expect(settings.optimizer.settings["momentum"] == .number(0.9))
      #expect(settings.optimizer.settings["nesterov"] == .flag(false))
      #expect(settings.seed == 4 && settings.batchSize == 16 && settings.epochs == 3)
      #expect(settings.loss == RunComponent("bce") && settings.metrics == ["accuracy"])
      #expect(settings.callbacks.map(\.name) == ["early_stopping"])
      #expect(settings.callbacks.first?.settings["patience"] == .number(7))
      #expect(settings.data.variable == "train" && settings.validation?.variable == nil)
      #expect(settings.data.samples == 60 && settings.data.task == "binary")
      #expect(settings.data.source.kind == "generated" && settings.data.source.seed == 1)
      #expect(settings.data.source.steps == ["train part, seed 0"])
      #expect(settings.data.source.summary == "moons, noise 0.2, seed 1; train part, seed 0")
      let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
      #expect(lines.count == 4 && lines[0].hasPrefix("epoch,loss,val_loss"))
    }
  }

  /// The JSON holds settings as numbers, flags and text, and the provenance as plain fields.
  @Test func runJSONHoldsTypedSettingsAndReadableProvenance() throws {
    let data = try Dataset.moons(count: 40, noise: 0.1, seed: 3)
    let run = try Self.trainer(FitOptions(epochs: 2, batchSize: 8, seed: 2))
      .fitRecordingRun(data, name: "typed", id: "t", names: RunNames(model: "net", data: "d"))
    let json = try #require(
      try JSONSerialization.jsonObject(with: try run.jsonData()) as? [String: Any])
    let settings = try #require(json["settings"] as? [String: Any])
    #expect(settings["epochs"] as? Int == 2 && settings["batch_size"] as? Int == 8)
    #expect(settings["shuffle"] as? Bool == true)
    let optimizer = try #require(settings["optimizer"] as? [String: Any])
    #expect(optimizer["name"] as? String == "adam")
    #expect((optimizer["settings"] as? [String: Any])?["lr"] as? Double == 0.01)
    let source = try #require((settings["data"] as? [String: Any])?["source"] as? [String: Any])
    #expect(source["kind"] as? String == "generated" && source["name"] as? String == "moons")
    #expect(source["seed"] as? Int == 3)
    #expect(json["best_epoch"] as? Int == run.bestEpoch && run.bestEpoch != nil)
    let final = try #require(json["final_metrics"] as? [String: Any])
    #expect(abs((final["loss"] as? Double ?? 0) - (run.history["loss"]?.last ?? 1)) < 1e-12)
    let text = String(decoding: try run.jsonData(), as: UTF8.self)
    #expect(!text.contains("Provenance") && !text.contains("derived("))
  }

  /// A run saved by the earlier format (settings as text, final metrics under `finalMetrics`)
  /// still reads: its history, final values and ending, and a best epoch from its history.
  @Test func anOlderRunFileStillReads() throws {
    let old = """
      {"created": "2026-01-01T00:00:00Z", "duration": 1.5, "finalMetrics": {"accuracy": 0.9},
       "history": {"loss": [0.9, 0.4, 0.5]}, "id": "20260101-000000-001", "name": "old",
       "parameters": {"epochs": "3", "optimizer": "adam(lr: 0.01)"}, "status": "finished"}
      """
    let run = try RunRecord(json: Data(old.utf8))
    #expect(run.settings == nil && run.bestEpoch == 2)
    #expect(run.finalMetrics == ["accuracy": 0.9] && run.history["loss"]?.count == 3)
  }

  /// A diverged run keeps the epoch where the loss broke as a last row, so its CSV is not empty.
  @Test func divergedRunKeepsTheExplanationAndTheBrokenEpoch() throws {
    let data = try Dataset.polynomial(count: 64, noise: 0.1, seed: 2)
    let trainer = Trainer(
      model: try .mlp(inputs: 1, hidden: [16], outputs: 1, seed: 1), loss: .meanSquaredError,
      optimizer: Optimizer(SGD(), learningRate: 1e6), options: FitOptions(epochs: 5, batchSize: 8))
    let run = try trainer.fitRecordingRun(data, name: "too fast", id: "d")
    #expect(run.status == .diverged)
    #expect(run.message?.contains("the learning rate 1e+06 is likely too large") == true)
    #expect(trainer.history.epochs.isEmpty)
    let loss = try #require(run.history["loss"])
    #expect(loss.count == 1 && !loss[0].isFinite)
    #expect(run.history["lr"] == [1e6])
    let rows = run.historyCSV.split(separator: "\n")
    #expect(rows.count == 2 && rows[1].hasPrefix("1,"))
  }

  @Test func everyStopReasonHasOneEnding() {
    #expect(RunRecord.ending(nil) == (.finished, nil))
    #expect(RunRecord.ending(.completed) == (.finished, nil))
    #expect(
      RunRecord.ending(.earlyStopping(epoch: 7)) == (.stoppedEarly, "early stopping after epoch 7"))
    #expect(RunRecord.ending(.requested(reason: "target met")) == (.stoppedEarly, "target met"))
    #expect(
      RunRecord.ending(.nonFinite(message: "loss became NaN")) == (.diverged, "loss became NaN"))
    #expect(
      RunRecord.ending(.cancelled)
        == (.interrupted, "interrupted; the model keeps its last completed step"))
  }

  /// A callback's own stop (not early stopping) is an early stop too, with its reason.
  @Test func aCallbacksRequestedStopIsAnEarlyStopWithItsReason() throws {
    final class StopAfterSecondEpoch: Callback {
      func epochEnded(_ record: EpochRecord, trainer: Trainer) throws -> CallbackDecision {
        record.epoch == 2 ? .stop(.requested(reason: "the loss is low enough")) : .proceed
      }
    }
    let run = try Self.trainer(FitOptions(epochs: 9, callbacks: [StopAfterSecondEpoch()]))
      .fitRecordingRun(try Self.data(), name: "requested", id: "r")
    #expect(run.status == .stoppedEarly && run.message == "the loss is low enough")
    #expect(run.epochCount == 2)
  }

  @Test func earlyStoppingStopsEarlyAfterItsEpoch() throws {
    let data = try Self.data().split(train: 0.5, validation: 0.5)
    let stopping = EarlyStopping(patience: 2, minDelta: 10)
    let run = try Self.trainer(
      FitOptions(epochs: 9, validation: data.validation, callbacks: [stopping])
    ).fitRecordingRun(data.train, name: "patience", id: "p")
    #expect(run.status == .stoppedEarly)
    #expect(
      run.message
        == "early stopping after epoch 3; the model holds the weights of epoch 1, the best")
    #expect(run.epochCount == 3)
  }

  @Test func aCancelledFitIsInterrupted() throws {
    let run = try Self.trainer(FitOptions(epochs: 9, isCancelled: { true }))
      .fitRecordingRun(try Self.data(), name: "cancelled", id: "c")
    #expect(run.status == .interrupted)
    #expect(run.message == "interrupted; the model keeps its last completed step")
  }

  static func data() throws -> Dataset { try Dataset.moons(count: 64, noise: 0.2, seed: 1) }

  static func trainer(_ options: FitOptions) throws -> Trainer {
    Trainer(
      model: try .mlp(inputs: 2, hidden: [4], outputs: 1, seed: 1), loss: .binaryCrossEntropy,
      optimizer: Optimizer(Adam(), learningRate: 0.01), options: options)
  }
}
