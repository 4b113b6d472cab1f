import Datasets
import Learning

/// `tiny`: two moons (1000 points, noise 0.2), an MLP 2-16-16-1 with ReLU, binary cross-entropy
/// on logits, Adam at 0.01, batch 32, 50 shuffled epochs — the PyTorch reference's workload. The
/// rate is training samples per second (50 × 1000 / seconds); only the fit is timed.
///
/// One fit takes under 10 ms, where a single preemption by the system would move the figure by a
/// quarter (PyTorch's takes about 0.4 s, which evens such moments out), so the same fit, from the
/// same seeds, runs five times and the median time is reported.
struct TinyWorkload: SingleResultWorkload {
  let name = "tiny"

  func run() throws -> BenchmarkResult {
    let data = try Dataset.moons(count: 1000, noise: 0.2, seed: 0)
    var times: [Double] = []
    for _ in 0..<5 {
      let model = try Sequential.mlp(
        inputs: 2, hidden: [16, 16], outputs: 1, initialization: .pytorchDefault, seed: 0)
      let trainer = Trainer(
        model: model, loss: .binaryCrossEntropy, optimizer: Optimizer(Adam(), learningRate: 0.01),
        options: FitOptions(epochs: 50, batchSize: 32, seed: 0))
      times.append(try measureSeconds { try trainer.fit(data) })
    }
    let median = times.sorted()[times.count / 2]
    return BenchmarkResult(
      workload: name, seconds: median, rate: ("samples_per_s", 50 * 1000 / median))
  }
}
