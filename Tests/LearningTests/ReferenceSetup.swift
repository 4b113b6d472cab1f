import Datasets
import Engine
import Foundation
import Learning

/// The fixed network and data of References/make_training_references.py.
enum ReferenceSetup {
  /// Linear(3, 4), Tanh, Linear(4, outputs) with the script's formula weights.
  static func model(outputs: Int = 1) throws -> Sequential {
    var generator = RandomGenerator(seed: 0)
    let first = try Dense(inputSize: 3, outputSize: 4, generator: &generator)
    let second = try Dense(inputSize: 4, outputSize: outputs, generator: &generator)
    first.weight.value = (0..<4).flatMap { o in (0..<3).map { i in 0.5 * sin(Float(1 + o * 3 + i)) }
    }
    first.bias.value = (0..<4).map { 0.1 * cos(Float($0)) }
    second.weight.value = (0..<outputs).flatMap { o in
      (0..<4).map { i in 0.5 * cos(Float(2 + o * 4 + i)) }
    }
    second.bias.value = (0..<outputs).map { 0.05 * Float($0 + 1) }
    return try Sequential(inputFeatures: 3, layers: [first, ActivationLayer(.tanh), second])
  }

  /// The script's 8 samples; `task` picks the targets.
  static func data(_ task: Datasets.Task) -> Dataset {
    let features = (0..<8).flatMap { i in
      (0..<3).map { j in Float(sin(0.7 * Double(i) + 1.3 * Double(j))) }
    }
    let targets: [Float] =
      switch task {
      case .regression: (0..<8).map { Float(cos(0.5 * Double($0))) }
      case .binary: (0..<8).map { Float($0 % 2) }
      case .multiclass: (0..<8).map { Float($0 % 3) }
      }
    return Dataset(
      name: "reference", features: features, featureCount: 3, targets: targets, task: task,
      provenance: .generated(generator: "reference", parameters: [:], seed: 0))
  }

  /// Trains like the script: batch 4, no shuffling, 3 epochs; returns the epoch losses and the
  /// final parameters in state_dict order, and the rate of each epoch.
  static func train(
    _ optimizer: Optimizer, loss: Loss = .meanSquaredError, task: Datasets.Task = .regression,
    outputs: Int = 1, schedule: Schedule? = nil, callbacks: [any Callback] = []
  ) throws -> (losses: [Double], parameters: [Float], rates: [Double]) {
    let model = try model(outputs: outputs)
    let trainer = Trainer(
      model: model, loss: loss, optimizer: optimizer,
      options: FitOptions(
        epochs: 3, batchSize: 4, shuffle: false, schedule: schedule, callbacks: callbacks))
    let history = try trainer.fit(data(task))
    return (
      history.epochs.map(\.trainLoss), model.parameters.flatMap(\.value),
      history.epochs.map(\.learningRate)
    )
  }
}
