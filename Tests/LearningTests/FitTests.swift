import Datasets
import Engine
import Foundation
import Learning
import Synchronization
import Testing

/// The fit loop: stopping, restoring, cancelling and resuming.
@Suite struct FitTests {
  static func moons() throws -> DatasetSplit {
    try Dataset.moons(count: 200, noise: 0.3, seed: 1).split(train: 0.5, validation: 0.5)
  }

  /// A network big enough to overfit noisy moons, so validation loss turns.
  static func model() throws -> Sequential {
    try .mlp(inputs: 2, hidden: [64, 64], outputs: 1, seed: 3)
  }

  /// Early stopping that fires restores the weights of the best epoch.
  @Test func earlyStoppingThatFiresRestoresBestWeights() throws {
    let data = try Self.moons()
    let model = try Self.model()
    let stopping = EarlyStopping(patience: 3)
    let best = ModelCheckpointProbe()
    let trainer = Trainer(
      model: model, loss: .binaryCrossEntropy, optimizer: Optimizer(Adam(), learningRate: 0.05),
      options: FitOptions(
        epochs: 300, batchSize: 16, validation: data.validation, callbacks: [best, stopping]))
    let history = try trainer.fit(data.train)
    let bestEpoch = try #require(stopping.best?.epoch)
    #expect(history.stopReason == .earlyStopping(epoch: bestEpoch + 3))
    #expect(history.epochs.count == bestEpoch + 3)
    #expect(model.stateDict() == best.weights[bestEpoch - 1])
    #expect(model.stateDict() != best.weights.last)
  }

  /// When the epochs run out before early stopping fires, the best weights are still restored.
  @Test func earlyStoppingThatNeverFiresStillRestoresBestWeights() throws {
    let data = try Self.moons()
    let model = try Self.model()
    let stopping = EarlyStopping(patience: 1000)
    let best = ModelCheckpointProbe()
    let trainer = Trainer(
      model: model, loss: .binaryCrossEntropy, optimizer: Optimizer(Adam(), learningRate: 0.05),
      options: FitOptions(
        epochs: 40, batchSize: 16, validation: data.validation, callbacks: [best, stopping]))
    let history = try trainer.fit(data.train)
    #expect(history.stopReason == .completed)
    let bestEpoch = try #require(stopping.best?.epoch)
    #expect(bestEpoch < 40)
    #expect(bestEpoch == history.bestEpoch())
    #expect(model.stateDict() == best.weights[bestEpoch - 1])
  }

  /// A learning rate far too large makes the loss NaN; training stops with the explanation and
  /// the model keeps the weights of its last completed step.
  @Test func nonFiniteLossStopsWithAnExplanation() throws {
    let data = try Dataset.polynomial(count: 64, noise: 0.1, seed: 2)
    let model = try Sequential.mlp(inputs: 1, hidden: [16], outputs: 1, seed: 1)
    let trainer = Trainer(
      model: model, loss: .meanSquaredError, optimizer: Optimizer(SGD(), learningRate: 1e6),
      options: FitOptions(epochs: 50, batchSize: 8, shuffle: false))
    let history = try trainer.fit(data)
    guard case .nonFinite(let message) = history.stopReason else {
      Issue.record("expected a NaN stop, got \(String(describing: history.stopReason))")
      return
    }
    #expect(message.hasPrefix("loss became"))
    #expect(message.contains("at epoch \(trainer.epoch + 1), step \(trainer.batchIndex + 1)"))
    #expect(message.hasSuffix("the learning rate 1e+06 is likely too large; try 100000"))
  }

  /// A model left with NaN weights by a diverged run is blamed on its weights, not on the rate
  /// of the next run.
  @Test func modelWithNaNWeightsIsNamedAsTheCause() throws {
    let data = try Dataset.polynomial(count: 64, noise: 0.1, seed: 2)
    let model = try Sequential.mlp(inputs: 1, hidden: [16], outputs: 1, seed: 1)
    model.parameters[0].value[0] = .nan
    let trainer = Trainer(
      model: model, loss: .meanSquaredError, optimizer: Optimizer(SGD(), learningRate: 0.01),
      options: FitOptions(epochs: 2, batchSize: 8, shuffle: false))
    let history = try trainer.fit(data)
    guard case .nonFinite(let message) = history.stopReason else {
      Issue.record("expected a NaN stop, got \(String(describing: history.stopReason))")
      return
    }
    #expect(message.hasSuffix("most likely by an earlier run that diverged; build the model again"))
  }

  /// Finite inputs so large that the first forward pass overflows are blamed on the data, not on
  /// weights that are fine.
  @Test func hugeInputsAreNamedAsTheCause() throws {
    let data = Dataset(
      name: "huge", features: [1, 3e38, -3e38, 2], featureCount: 1, targets: [0, 1, 0, 1],
      task: .regression, provenance: .file(path: "huge.csv"))
    let trainer = Trainer(
      model: try .mlp(inputs: 1, hidden: [4], outputs: 1, seed: 1), loss: .meanSquaredError,
      optimizer: Optimizer(SGD(), learningRate: 0.01), options: FitOptions(epochs: 1, batchSize: 4))
    guard case .nonFinite(let message) = try trainer.fit(data).stopReason else {
      Issue.record("expected a NaN stop")
      return
    }
    #expect(message.contains("inputs up to 3e+38"))
    #expect(message.contains("standardize the data"))
  }

  /// Cancelling mid-epoch stops after a step, and calling fit again continues to the same weights
  /// as an uninterrupted run, bit for bit.
  @Test func cancelledTrainingResumesExactly() throws {
    let data = try Self.moons().train
    let uninterrupted = try Self.model()
    let options = FitOptions(epochs: 3, batchSize: 16, metrics: [.accuracy])
    try Trainer(
      model: uninterrupted, loss: .binaryCrossEntropy, optimizer: Optimizer(Adam()),
      options: options
    )
    .fit(data)

    let resumed = try Self.model()
    let steps = Atomic<Int>(0)
    var cancelling = options
    cancelling.isCancelled = { steps.add(1, ordering: .relaxed).newValue > 10 }
    let trainer = Trainer(
      model: resumed, loss: .binaryCrossEntropy, optimizer: Optimizer(Adam()), options: cancelling)
    let partial = try trainer.fit(data)
    #expect(partial.stopReason == .cancelled)
    #expect(trainer.epoch == 1 && trainer.batchIndex == 3)
    trainer.options = options
    let history = try trainer.fit(data)
    #expect(history.stopReason == .completed)
    #expect(resumed.stateDict() == uninterrupted.stateDict())
  }

  /// Training stopped mid-epoch, saved to a file, and restored into a freshly built trainer ends
  /// with the same weights as an uninterrupted run, bit for bit — with dropout, momentum,
  /// augmentation and shuffling all drawing on the saved state.
  @Test func savedTrainingStateResumesBitForBit() throws {
    let data = try Self.moons().train
    func build() throws -> Sequential {
      var generator = RandomGenerator(seed: 5)
      return try Sequential(
        inputFeatures: 2,
        layers: [
          try Dense(inputSize: 2, outputSize: 32, generator: &generator), ActivationLayer(.relu),
          try Dropout(probability: 0.2), try BatchNorm(features: 32),
          try Dense(inputSize: 32, outputSize: 1, generator: &generator),
        ])
    }
    var options = FitOptions(epochs: 4, batchSize: 16, seed: 9)
    options.augmentation = [.gaussianNoise(deviation: 0.05)]
    let uninterrupted = try build()
    try Trainer(
      model: uninterrupted, loss: .binaryCrossEntropy,
      optimizer: Optimizer(SGD(momentum: 0.9), learningRate: 0.05),
      options: options
    ).fit(data)

    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("trainbook-resume-\(UUID().uuidString).safetensors")
    defer { try? FileManager.default.removeItem(at: url) }
    let steps = Atomic<Int>(0)
    var cancelling = options
    cancelling.isCancelled = { steps.add(1, ordering: .relaxed).newValue > 13 }
    let first = Trainer(
      model: try build(), loss: .binaryCrossEntropy,
      optimizer: Optimizer(SGD(momentum: 0.9), learningRate: 0.05),
      options: cancelling)
    try first.fit(data)
    try first.saveState(to: url)

    let model = try build()
    let second = Trainer(
      model: model, loss: .binaryCrossEntropy,
      optimizer: Optimizer(SGD(momentum: 0.9), learningRate: 0.05),
      options: options)
    try second.restoreState(from: url)
    #expect(second.epoch == 1 && second.batchIndex == 6)
    try second.fit(data)
    #expect(model.stateDict() == uninterrupted.stateDict())
    #expect(second.history.epochs.count == 4)
  }

  /// A callback watching a value the fit does not record says so before any training, with
  /// what the fit records and how to fix it.
  @Test func callbacksWatchingUnrecordedValuesFailBeforeTraining() throws {
    let data = try Self.moons().train
    let model = try Self.model()
    let before = model.stateDict()
    let cases: [(any Callback, String)] = [
      (
        EarlyStopping(monitor: "accuracy"),
        "early stopping watches accuracy, which this fit does not record (it records loss); "
          + "add \"accuracy\" to fit's metrics"
      ),
      (
        ReduceLearningRateOnPlateau(),
        "reduce on plateau watches val_loss, which this fit does not record (it records loss); "
          + "give fit validation data"
      ),
    ]
    for (callback, message) in cases {
      let trainer = Trainer(
        model: model, loss: .binaryCrossEntropy, optimizer: Optimizer(Adam()),
        options: FitOptions(epochs: 2, callbacks: [callback]))
      #expect(throws: ModelError(message)) { try trainer.fit(data) }
    }
    #expect(model.stateDict() == before)
  }

  /// A frozen layer keeps its weights while the others train.
  @Test func frozenLayersDoNotTrain() throws {
    let data = try Self.moons().train
    let model = try Self.model()
    model.freeze(layers: [0])
    let before = model.stateDict()
    try Trainer(
      model: model, loss: .binaryCrossEntropy, optimizer: Optimizer(Adam()),
      options: FitOptions(epochs: 1)
    )
    .fit(data)
    let after = model.stateDict()
    #expect(after[0] == before[0] && after[1] == before[1])
    #expect(after[2] != before[2])
    model.unfreeze()
    #expect(model.trainableParameters.count == 6)
  }

  /// Progress reaches the callback, one report per step and per epoch.
  @Test func progressIsReported() throws {
    let data = try Self.moons().train
    nonisolated(unsafe) var reports: [TrainingProgress] = []
    let options = FitOptions(epochs: 2, batchSize: 50, progress: { reports.append($0) })
    try Trainer(
      model: try Self.model(), loss: .binaryCrossEntropy, optimizer: Optimizer(Adam()),
      options: options
    )
    .fit(data)
    #expect(reports.count == 2 * 2 + 2)
    #expect(reports[1] == .step(epoch: 1, step: 2, steps: 2, loss: lastLoss(reports[1])))
  }

  private func lastLoss(_ report: TrainingProgress) -> Float {
    if case .step(_, _, _, let loss) = report { return loss }
    return .nan
  }
}

/// Records the weights at the end of every epoch.
final class ModelCheckpointProbe: Callback {
  var weights: [[NamedTensor]] = []

  func epochEnded(_ record: EpochRecord, trainer: Trainer) throws -> CallbackDecision {
    weights.append(trainer.model.stateDict())
    return .proceed
  }
}
