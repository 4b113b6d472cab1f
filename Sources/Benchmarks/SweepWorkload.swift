import Datasets
import Engine
import Learning

/// `sweep`: the `tiny` setup swept over a 3 × 2 grid (Adam at 0.003, 0.01, 0.03; batch 32, 64)
/// × 3 seeds, 18 fits of 50 epochs on 1000 points, trained one after another on the calling
/// thread and then by `ParallelFits` on every thread the engine has, three times in turn (the
/// fastest of each counts, as other work on the machine slows single rounds). Reports both rates
/// in training samples per second (seconds and the main rate are the parallel run's), the
/// threads, and `identical`: whether every parallel fit's final weights equal its serial twin's
/// bit for bit.
struct SweepWorkload: Workload {
  let name = "sweep"

  func run(report: (BenchmarkResult) throws -> Void) throws {
    let data = try Dataset.moons(count: 1000, noise: 0.2, seed: 0)
    let threads = EngineThreads.count
    var (serialSeconds, parallelSeconds) = (Double.infinity, Double.infinity)
    var identical = true
    var fits = 0
    for _ in 0..<3 {
      let serial = try trainers()
      serialSeconds = min(
        serialSeconds, try measureSeconds { for trainer in serial { try trainer.fit(data) } })
      let parallel = try trainers()
      nonisolated(unsafe) let jobs = parallel
      parallelSeconds = min(
        parallelSeconds,
        measureSeconds {
          ParallelFits.run(
            count: jobs.count, threads: threads, isCancelled: { false },
            job: { index in _ = try? jobs[index].fit(data) })
        })
      identical =
        identical
        && zip(serial, parallel).allSatisfy { first, second in
          second.history.epochs.count == 50
            && first.model.stateDict() == second.model.stateDict()
        }
      fits = serial.count
    }
    let samples = Double(fits * 50 * 1000)
    var result = BenchmarkResult(
      workload: name, seconds: parallelSeconds,
      rate: ("parallel_samples_per_s", samples / parallelSeconds))
    result.more = [
      ("serial_samples_per_s", "\(samples / serialSeconds)"), ("threads", "\(threads)"),
      ("identical", "\(identical)"),
    ]
    try report(result)
  }

  /// The 18 fits, setting by setting, seed by seed.
  private func trainers() throws -> [Trainer] {
    try [0.003, 0.01, 0.03].flatMap { rate in
      try [32, 64].flatMap { batch in
        try [UInt64(1), 2, 3].map { seed in
          Trainer(
            model: try .mlp(
              inputs: 2, hidden: [16, 16], outputs: 1, initialization: .pytorchDefault,
              seed: seed),
            loss: .binaryCrossEntropy, optimizer: Optimizer(Adam(), learningRate: Float(rate)),
            options: FitOptions(epochs: 50, batchSize: batch, seed: seed))
        }
      }
    }
  }
}
