import Datasets
import Foundation
import Testing

/// The batches of one epoch, as arrays.
private func epoch(_ loader: inout BatchLoader) -> [[Int]] {
  var batches: [[Int]] = []
  while let batch = loader.nextBatch() { batches.append(Array(batch)) }
  return batches
}

@Suite struct BatchLoaderTests {
  @Test func everyEpochVisitsEverySampleOnceInANewOrder() throws {
    var loader = try BatchLoader(count: 10, batchSize: 4, seed: 1)
    #expect(loader.batchesPerEpoch == 3)
    let first = epoch(&loader)
    let second = epoch(&loader)
    #expect(first.map(\.count) == [4, 4, 2])
    #expect(first.flatMap { $0 }.sorted() == Array(0..<10))
    #expect(second.flatMap { $0 }.sorted() == Array(0..<10))
    #expect(first != second)
    #expect(loader.position.epoch == 2 && loader.position.batch == 0)
  }

  @Test func sameSeedSameBatchesAndShufflingCanBeOff() throws {
    var a = try BatchLoader(count: 50, batchSize: 8, seed: 3)
    var b = try BatchLoader(count: 50, batchSize: 8, seed: 3)
    var c = try BatchLoader(count: 50, batchSize: 8, seed: 4)
    let runA = (0..<3).map { _ in epoch(&a) }
    #expect(runA == (0..<3).map { _ in epoch(&b) })
    #expect(runA != (0..<3).map { _ in epoch(&c) })
    var ordered = try BatchLoader(count: 5, batchSize: 2, shuffles: false)
    #expect(epoch(&ordered) == [[0, 1], [2, 3], [4]])
    #expect(epoch(&ordered) == [[0, 1], [2, 3], [4]])
    var dropping = try BatchLoader(count: 5, batchSize: 2, shuffles: false, dropsLast: true)
    #expect(epoch(&dropping) == [[0, 1], [2, 3]])
  }

  @Test func aSavedPositionResumesExactly() throws {
    var loader = try BatchLoader(count: 23, batchSize: 5, seed: 7)
    _ = epoch(&loader)
    _ = loader.nextBatch()
    _ = loader.nextBatch()
    let saved = loader.position
    let expected = [epoch(&loader), epoch(&loader), epoch(&loader)]

    // Through JSON, as a checkpoint would store it.
    let stored = try JSONEncoder().encode(saved)
    var resumed = try BatchLoader(count: 23, batchSize: 5, seed: 999)
    try resumed.restore(try JSONDecoder().decode(BatchLoader.Position.self, from: stored))
    #expect([epoch(&resumed), epoch(&resumed), epoch(&resumed)] == expected)
    #expect(expected[0].count == 3)
  }

  @Test func restoringAPositionThatDoesNotFitIsRejected() throws {
    var loader = try BatchLoader(count: 6, batchSize: 2, seed: 1)
    let good = loader.position
    var wrongCount = good
    wrongCount.permutation = [0, 1, 2]
    var repeated = good
    repeated.permutation = [0, 0, 1, 2, 3, 4]
    var pastEnd = good
    pastEnd.batch = 4
    var zeroState = good
    zeroState.generatorState = [0, 0, 0, 0]
    let cases = [
      (wrongCount, "the saved order is not a permutation of 6 samples"),
      (repeated, "the saved order is not a permutation of 6 samples"),
      (pastEnd, "the saved batch 4 is outside 0...3"),
      (zeroState, "the saved generator state is not four non-zero words"),
    ]
    for (position, message) in cases {
      #expect {
        try loader.restore(position)
      } throws: { error in
        (error as? DataError)?.message == message
          && (error as? DataError)?.hint
            == "was the checkpoint saved for a different dataset or batch size?"
      }
    }
    #expect(loader.position == good)
  }

  @Test func gatheredBatchesHoldTheirSamples() throws {
    let data = Dataset(
      name: "d", features: (0..<12).map(Float.init), featureCount: 3, targets: [10, 11, 12, 13],
      task: .regression, provenance: .bundled(name: "d"))
    var features: [Float] = []
    var targets: [Float] = []
    data.gather([2, 0], features: &features, targets: &targets)
    #expect(features == [6, 7, 8, 0, 1, 2] && targets == [12, 10])
    let capacity = features.capacity
    data.gather([3], features: &features, targets: &targets)
    #expect(features == [9, 10, 11] && targets == [13])
    #expect(features.capacity == capacity)
  }

  @Test func loaderFillsBatchesOfADataset() throws {
    let data = Dataset(
      name: "d", features: (0..<10).map(Float.init), featureCount: 2, targets: [0, 1, 2, 3, 4],
      task: .regression, provenance: .bundled(name: "d"))
    var loader = try BatchLoader(count: 5, batchSize: 2, seed: 2)
    var features: [Float] = []
    var targets: [Float] = []
    var seen: [Float] = []
    while let indices = loader.nextBatch(of: data, features: &features, targets: &targets) {
      #expect(targets == indices.map(Float.init))
      #expect(features == indices.flatMap { [Float(2 * $0), Float(2 * $0 + 1)] })
      seen += targets
    }
    #expect(seen.sorted() == [0, 1, 2, 3, 4])
  }

  @Test func badSettingsAreExplained() {
    #expect {
      try BatchLoader(count: 10, batchSize: 0)
    } throws: { error in
      (error as? DataError)?.message == "the batch size must be at least 1, got 0"
    }
    #expect {
      try BatchLoader(count: 10, batchSize: 20, dropsLast: true)
    } throws: { error in
      (error as? DataError)?.hint == "use a batch size of at most 10"
    }
  }
}
