import Datasets
import Engine
import Learning

/// `grid`: the bundled digits (1797 × 64, each feature standardised), an MLP 64-h-h-10 with ReLU,
/// softmax cross-entropy, Adam at 1e-3, shuffled, for h in 32, 256, 1024 and batch b in 1, 8, 32,
/// 256; 2 epochs (1 when b = 1) — the PyTorch reference's workload. One result per cell, its rate
/// in training samples per second (epochs × 1797 / seconds); only the fit is timed.
struct GridWorkload: Workload {
  let name = "grid"
  let widths = [32, 256, 1024]
  let batches = [1, 8, 32, 256]

  func run(report: (BenchmarkResult) throws -> Void) throws {
    let digits = try BundledDataset.digits.load()
    let data = try Standardizer(fittedOn: digits).apply(to: digits)
    for width in widths {
      for batch in batches {
        let epochs = batch == 1 ? 1 : 2
        let model = try Sequential.mlp(
          inputs: data.featureCount, hidden: [width, width], outputs: 10,
          initialization: .pytorchDefault, seed: 0)
        let trainer = Trainer(
          model: model, loss: .crossEntropy(), optimizer: Optimizer(Adam(), learningRate: 1e-3),
          options: FitOptions(epochs: epochs, batchSize: batch, seed: 0))
        let seconds = try measureSeconds { try trainer.fit(data) }
        try report(
          BenchmarkResult(
            workload: name, cell: [("hidden", width), ("batch", batch)], seconds: seconds,
            rate: ("samples_per_s", Double(epochs * data.count) / seconds)))
      }
    }
  }
}
