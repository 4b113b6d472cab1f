import Datasets
import Foundation
import Learning
import TestSupport
import Testing

/// Every fit becomes a run record; the epoch logger writes as training goes.
@Suite struct RunRecordingTests {
  @Test func fitBecomesASavedRun() throws {
    try withTemporaryFolder("trainbook-runs") { folder in
      let store = RunStore(folder: folder)
      let split = try Dataset.moons(count: 120, noise: 0.2, seed: 1)
        .split(train: 0.5, validation: 0.5)
      let log = folder.appendingPathComponent("epochs.csv")
      let trainer = Trainer(
        model: try .mlp(inputs: 2, hidden: [8], outputs: 1), loss: .binaryCrossEntropy,
        optimizer: .adam(learningRate: 0.01),
        options: FitOptions(
          epochs: 3, batchSize: 16, seed: 4, validation: split.validation, metrics: [.accuracy],
          callbacks: [LogEachEpoch(url: log)]))
      let run = try trainer.fitRecordingRun(split.train, name: "baseline", store: store)
      #expect(try store.load(id: run.id) == run)
      #expect(run.status == .finished && run.message == nil)
      #expect(run.history["loss"]?.count == 3 && run.history["val_accuracy"]?.count == 3)
      #expect(run.finalMetrics["val_loss"] == trainer.history.epochs.last?.validationLoss)
      #expect(run.parameters["model"] == "Linear(2→8), ReLU, Linear(8→1)")
      #expect(run.parameters["optimizer"]?.hasPrefix("Adam(beta1=0.9") == true)
      #expect(run.parameters["seed"] == "4" && run.parameters["batch_size"] == "16")
      let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
      #expect(lines.count == 4 && lines[0].hasPrefix("epoch,loss,val_loss"))
    }
  }

  @Test func divergedRunKeepsTheExplanation() throws {
    let data = try Dataset.polynomial(count: 64, noise: 0.1, seed: 2)
    let trainer = Trainer(
      model: try .mlp(inputs: 1, hidden: [16], outputs: 1, seed: 1), loss: .meanSquaredError,
      optimizer: .sgd(learningRate: 1e6), options: FitOptions(epochs: 5, batchSize: 8))
    let run = try trainer.fitRecordingRun(data, name: "too fast")
    #expect(run.status == .diverged)
    #expect(run.message?.contains("the learning rate 1e+06 is likely too large") == true)
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
      .fitRecordingRun(try Self.data(), name: "requested")
    #expect(run.status == .stoppedEarly && run.message == "the loss is low enough")
    #expect(run.epochCount == 2)
  }

  @Test func earlyStoppingStopsEarlyAfterItsEpoch() throws {
    let data = try Self.data().split(train: 0.5, validation: 0.5)
    let stopping = EarlyStopping(patience: 2, minDelta: 10)
    let run = try Self.trainer(
      FitOptions(epochs: 9, validation: data.validation, callbacks: [stopping])
    ).fitRecordingRun(data.train, name: "patience")
    #expect(run.status == .stoppedEarly && run.message == "early stopping after epoch 3")
    #expect(run.epochCount == 3)
  }

  @Test func aCancelledFitIsInterrupted() throws {
    let run = try Self.trainer(FitOptions(epochs: 9, isCancelled: { true }))
      .fitRecordingRun(try Self.data(), name: "cancelled")
    #expect(run.status == .interrupted)
    #expect(run.message == "interrupted; the model keeps its last completed step")
  }

  static func data() throws -> Dataset { try Dataset.moons(count: 64, noise: 0.2, seed: 1) }

  static func trainer(_ options: FitOptions) throws -> Trainer {
    Trainer(
      model: try .mlp(inputs: 2, hidden: [4], outputs: 1, seed: 1), loss: .binaryCrossEntropy,
      optimizer: .adam(learningRate: 0.01), options: options)
  }
}
