import Datasets
import Foundation
import Learning
import Synchronization
import Testing

/// Callbacks' state (early stopping's best value, weights and patience count, the plateau
/// reducer) travels with the training state, so a resumed run with callbacks equals one that
/// never stopped.
@Suite struct CallbackResumeTests {
  /// The callbacks of one run, fresh.
  struct Callbacks {
    let stopping = EarlyStopping(patience: 4)
    let plateau = ReduceLearningRateOnPlateau(factor: 0.5, patience: 1)
    var all: [any Callback] { [plateau, stopping] }
  }

  @Test func resumedRunWithCallbacksEqualsAnUninterruptedOne() throws {
    let data = try FitTests.moons()
    func trainer(_ model: Sequential, _ callbacks: Callbacks, cancelAfter steps: Int? = nil)
      -> Trainer
    {
      var options = FitOptions(
        epochs: 300, batchSize: 16, seed: 4, validation: data.validation,
        callbacks: callbacks.all)
      if let steps {
        let taken = Atomic<Int>(0)
        options.isCancelled = { taken.add(1, ordering: .relaxed).newValue > steps }
      }
      return Trainer(
        model: model, loss: .binaryCrossEntropy, optimizer: Optimizer(Adam(), learningRate: 0.05),
        options: options)
    }
    let uninterruptedModel = try FitTests.model()
    let uninterrupted = Callbacks()
    let history = try trainer(uninterruptedModel, uninterrupted).fit(data.train)

    // Stop mid-epoch after the first improvements and a reduction, save, resume elsewhere.
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("trainbook-callbacks-\(UUID().uuidString).safetensors")
    defer { try? FileManager.default.removeItem(at: url) }
    let interrupted = Callbacks()
    let first = trainer(try FitTests.model(), interrupted, cancelAfter: 7 * 6 + 3)
    try first.fit(data.train)
    try first.saveState(to: url)
    #expect(first.epoch == 6 && first.batchIndex == 3)
    #expect(interrupted.stopping.best != nil)
    #expect(interrupted.plateau.reducer?.rate ?? 0.05 < 0.05)

    let resumedModel = try FitTests.model()
    let resumed = Callbacks()
    let second = trainer(resumedModel, resumed)
    try second.restoreState(from: url)
    let resumedHistory = try second.fit(data.train)

    #expect(resumed.stopping.best?.epoch == uninterrupted.stopping.best?.epoch)
    #expect(resumed.plateau.reducer == uninterrupted.plateau.reducer)
    #expect(resumedHistory.stopReason == history.stopReason)
    #expect(resumedHistory.epochs.count == history.epochs.count)
    #expect(resumedModel.stateDict() == uninterruptedModel.stateDict())
  }

  /// A malformed callback state in the file is an error, not a crash.
  @Test func malformedCallbackStateIsRejected() throws {
    #expect(throws: ModelError.self) {
      try EarlyStopping().restore(CallbackState(values: ["best_value": "x"]))
    }
    #expect(throws: ModelError.self) {
      try ReduceLearningRateOnPlateau().restore(CallbackState(values: ["reducer": "{"]))
    }
    let checkpoint = ModelCheckpoint()
    #expect(throws: ModelError.self) {
      try checkpoint.restore(CallbackState(values: ["best_value": "0.5"]))
    }
    try checkpoint.restore(CallbackState(values: ["best_value": "0.5", "best_epoch": "3"]))
    #expect(checkpoint.bestSoFar?.value == 0.5 && checkpoint.bestSoFar?.epoch == 3)
    #expect(checkpoint.savedState().values == ["best_value": "0.5", "best_epoch": "3"])
  }
}
