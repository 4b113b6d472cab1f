import Datasets
import Learning

/// `tiny`: two moons (1000 points, noise 0.2), an MLP 2-16-16-1 with ReLU, binary cross-entropy
/// on logits, Adam at 0.01, batch 32, 50 shuffled epochs — the PyTorch reference's workload. The
/// rate is training samples per second (50 × 1000 / seconds); only the fit is timed.
struct TinyWorkload: SingleResultWorkload {
  let name = "tiny"

  func run() throws -> BenchmarkResult {
    let data = try Dataset.moons(count: 1000, noise: 0.2, seed: 0)
    let model = try Sequential.mlp(
      inputs: 2, hidden: [16, 16], outputs: 1, initialization: .pytorchDefault, seed: 0)
    let trainer = Trainer(
      model: model, loss: .binaryCrossEntropy, optimizer: Optimizer(Adam(), learningRate: 0.01),
      options: FitOptions(epochs: 50, batchSize: 32, seed: 0))
    let seconds = try measureSeconds { try trainer.fit(data) }
    return BenchmarkResult(
      workload: name, seconds: seconds, rate: ("samples_per_s", 50 * 1000 / seconds))
  }
}
