import Datasets
import Engine
import Learning

/// `mlp`: 8192 samples of 784 N(0, 1) features with 10 random classes, an MLP 784-256-128-10 with
/// ReLU, softmax cross-entropy, Adam at 1e-3, batch 128, 2 shuffled epochs — the PyTorch
/// reference's workload. The rate is training samples per second (2 × 8192 / seconds); only the
/// fit is timed.
struct MLPWorkload: SingleResultWorkload {
  let name = "mlp"
  let samples = 8192
  let features = 784

  func run() throws -> BenchmarkResult {
    var generator = RandomGenerator(seed: 0)
    let values = (0..<(samples * features)).map { _ in Float(generator.normal()) }
    let targets = (0..<samples).map { _ in Float(generator.int(below: 10)) }
    let data = Dataset(
      name: "mlp", features: values, featureCount: features, targets: targets,
      task: .multiclass(classes: 10),
      provenance: .generated(generator: "normal", parameters: [:], seed: 0))
    let model = try Sequential.mlp(
      inputs: features, hidden: [256, 128], outputs: 10, initialization: .pytorchDefault, seed: 0)
    let trainer = Trainer(
      model: model, loss: .crossEntropy(), optimizer: Optimizer(Adam(), learningRate: 1e-3),
      options: FitOptions(epochs: 2, batchSize: 128, seed: 0))
    let seconds = try measureSeconds { try trainer.fit(data) }
    return BenchmarkResult(
      workload: name, seconds: seconds, rate: ("samples_per_s", 2 * Double(samples) / seconds))
  }
}
