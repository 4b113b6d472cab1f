import Datasets
import Engine
import Foundation
import Learning
import Synchronization
import Testing

/// Fits run side by side by `ParallelFits` give the same bits as each run alone, whatever the
/// number of threads, and a cancellation starts no further fit.
@Suite struct ParallelFitsTests {
  /// Four runs (two rates × two seeds) big enough that evaluating 600 samples through 128-wide
  /// layers is a product the engine shares among threads when run alone.
  static func trainers() throws -> [(Trainer, Dataset)] {
    let data = try Dataset.moons(count: 1200, noise: 0.3, seed: 1)
      .split(train: 0.5, validation: 0.5)
    return try [0.01, 0.05].flatMap { rate in
      try [UInt64(1), 2].map { seed in
        let trainer = Trainer(
          model: try .mlp(inputs: 2, hidden: [128, 128], outputs: 1, seed: seed),
          loss: .binaryCrossEntropy, optimizer: Optimizer(Adam(), learningRate: Float(rate)),
          options: FitOptions(
            epochs: 2, batchSize: 64, seed: seed, validation: data.validation,
            metrics: [.accuracy]))
        return (trainer, data.train)
      }
    }
  }

  @Test(arguments: [1, 2, 3]) func parallelFitsMatchFitsAloneBitForBit(threads: Int) throws {
    let alone = try Self.trainers()
    for (trainer, data) in alone { try trainer.fit(data) }
    let together = try Self.trainers()
    nonisolated(unsafe) let jobs = together
    let ran = ParallelFits.run(
      count: jobs.count, threads: threads, isCancelled: { false },
      job: { index in _ = try? jobs[index].0.fit(jobs[index].1) })
    #expect(ran.sorted() == Array(jobs.indices))
    for ((single, _), (parallel, _)) in zip(alone, together) {
      #expect(parallel.history.epochs.count == 2)
      #expect(single.model.stateDict() == parallel.model.stateDict())
      #expect(
        single.history.epochs.map(\.validationLoss) == parallel.history.epochs.map(\.validationLoss)
      )
    }
  }

  @Test func aCancellationStartsNoFurtherJob() {
    let flag = StopFlag()
    var reported: [Int] = []
    let ran = ParallelFits.run(
      count: 6, threads: 1, isCancelled: { flag.isSet.load(ordering: .relaxed) },
      job: { index in if index == 1 { flag.isSet.store(true, ordering: .relaxed) } },
      finished: { reported.append($0) })
    #expect(ran == [0, 1])
    #expect(reported == [0, 1])
  }
}

/// A flag one job raises and the others read.
private final class StopFlag: Sendable {
  let isSet = Atomic<Bool>(false)
}
