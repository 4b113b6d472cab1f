import Datasets
import Foundation
import Learning
import Testing

/// A training-state file whose position or history was tampered with is rejected when it is
/// read, before any count it holds can overflow or go negative in the fit loop.
@Suite struct TrainingStateTests {
  /// A trainer of a small model after one epoch on moons, saved; returns its file's contents.
  private func savedState(callbacks: [any Callback] = []) throws -> SafetensorsFile {
    let trainer = Trainer(
      model: try .mlp(inputs: 2, hidden: [4], outputs: 1, seed: 1), loss: .binaryCrossEntropy,
      optimizer: Optimizer(Adam(), learningRate: 0.01),
      options: FitOptions(epochs: 1, batchSize: 10, seed: 1, callbacks: callbacks))
    try trainer.fit(Dataset.moons(count: 50, seed: 1))
    let url = temporaryURL()
    defer { try? FileManager.default.removeItem(at: url) }
    try trainer.saveState(to: url)
    return try SafetensorsFile.read(from: url)
  }

  private func temporaryURL() -> URL {
    FileManager.default.temporaryDirectory
      .appendingPathComponent("trainbook-state-\(UUID().uuidString).safetensors")
  }

  /// Restores `file` with `key` set to `value` into a fresh trainer with `callbacks`.
  private func restore(
    _ file: SafetensorsFile, setting key: String, to value: String,
    callbacks: [any Callback] = []
  ) throws {
    var tampered = file
    tampered.metadata[key] = value
    let url = temporaryURL()
    defer { try? FileManager.default.removeItem(at: url) }
    try tampered.write(to: url)
    try Trainer(
      model: try .mlp(inputs: 2, hidden: [4], outputs: 1, seed: 1), loss: .binaryCrossEntropy,
      optimizer: Optimizer(Adam(), learningRate: 0.01),
      options: FitOptions(epochs: 1, batchSize: 10, seed: 1, callbacks: callbacks)
    ).restoreState(from: url)
  }

  @Test(arguments: [
    ("epoch", "\(Int.max)"), ("epoch", "-3"), ("global_step", "\(Int.max)"),
    ("updates", "\(Int.max)"), ("batch", "-1"), ("loader_epoch", "-1"),
    ("epoch_samples", "-5"), ("learning_rate", "nan"), ("learning_rate", "inf"),
    ("history", "[{\"x\": 1}]"), ("history", "[[["),
  ])
  func tamperedPositionIsRejected(key: String, value: String) throws {
    let file = try savedState()
    try restore(file, setting: key, to: try #require(file.metadata[key]))  // as saved: accepted
    #expect(throws: ModelError.self) { try restore(file, setting: key, to: value) }
  }

  @Test func tamperedCallbackCountsAreRejected() throws {
    let stopping = { EarlyStopping(monitor: "loss", patience: 2) }
    let file = try savedState(callbacks: [stopping()])
    let key = "callback.0.epochs_without_improvement"
    try restore(file, setting: key, to: "1", callbacks: [stopping()])
    #expect(throws: ModelError.self) {
      try restore(file, setting: key, to: "\(Int.max)", callbacks: [stopping()])
    }

    let plateau = ReduceLearningRateOnPlateau(monitor: "loss")
    let reducer = try #require(try savedState(callbacks: [plateau]).metadata["callback.0.reducer"])
    for field in ["badEpochs", "cooldownLeft"] {
      for count in [Int.max, -1] {
        let tampered = reducer.replacingOccurrences(
          of: "\"\(field)\":0", with: "\"\(field)\":\(count)")
        #expect(tampered != reducer)
        #expect(throws: ModelError.self) {
          try ReduceLearningRateOnPlateau(monitor: "loss")
            .restore(CallbackState(values: ["reducer": tampered]))
        }
      }
    }
  }
}
