import Engine

/// Hands out mini-batches of sample indices, epoch after epoch, in an order fixed by a seed.
///
/// Each epoch visits every sample once: in a fresh random order (a Fisher–Yates permutation drawn
/// from the loader's own generator) when `shuffles`, else in dataset order. `nextBatch()` returns
/// the epoch's batches one by one, then `nil` once, then the next epoch's:
///
///     var loader = BatchLoader(count: train.count, batchSize: 32, seed: 1)
///     for _ in 0..<epochs {
///       while loader.nextBatch(of: train, features: &x, targets: &y) != nil {
///         // x and y hold the batch, in storage reused from the previous one
///       }
///     }
///
/// `position` is everything that decides the batches to come (epoch, batch, permutation and
/// generator state); restoring a saved position makes the loader continue exactly where it was.
public struct BatchLoader: Sendable, Equatable {
  /// Where a loader is: enough to resume it exactly, and `Codable` for checkpoints.
  public struct Position: Sendable, Equatable, Codable {
    /// The epoch in progress, from 0.
    public var epoch: Int
    /// The index of the next batch within the epoch.
    public var batch: Int
    /// The order of the samples in this epoch.
    public var permutation: [Int]
    /// The state of the generator that will draw the next epoch's permutation.
    public var generatorState: [UInt64]

    /// Creates a position from its parts, as read back from a checkpoint.
    public init(epoch: Int, batch: Int, permutation: [Int], generatorState: [UInt64]) {
      self.epoch = epoch
      self.batch = batch
      self.permutation = permutation
      self.generatorState = generatorState
    }
  }

  /// The number of samples.
  public let count: Int
  /// The number of samples per batch (the last batch of an epoch may be smaller).
  public let batchSize: Int
  /// Whether each epoch draws a new random order.
  public let shuffles: Bool
  /// Whether a last batch smaller than `batchSize` is skipped.
  public let dropsLast: Bool
  /// Where the loader is; see `restore(_:)` to set it.
  public private(set) var position: Position

  private var generator: RandomGenerator

  /// Creates a loader over `count` samples whose first epoch starts now.
  public init(
    count: Int, batchSize: Int, shuffles: Bool = true, dropsLast: Bool = false, seed: UInt64 = 0
  ) throws(DataError) {
    try require(count >= 1, "a batch loader needs at least one sample")
    try require(batchSize >= 1, "the batch size must be at least 1, got \(batchSize)")
    try require(
      !dropsLast || batchSize <= count,
      "a batch size of \(batchSize) with the last partial batch dropped leaves no batch of "
        + "\(count) samples", hint: "use a batch size of at most \(count)")
    self.count = count
    self.batchSize = batchSize
    self.shuffles = shuffles
    self.dropsLast = dropsLast
    generator = RandomGenerator(seed: seed)
    position = Position(epoch: 0, batch: 0, permutation: [], generatorState: [])
    position.permutation = drawOrder()
    position.generatorState = generator.state
  }

  /// The number of batches in each epoch.
  public var batchesPerEpoch: Int {
    dropsLast ? count / batchSize : (count + batchSize - 1) / batchSize
  }

  /// The indices `nextBatch()` will return, without moving on: `nil` when the epoch is over. A
  /// fit loop that may stop before using a batch looks at it here and moves on only once it has.
  public var upcomingBatch: ArraySlice<Int>? {
    guard position.batch < batchesPerEpoch else { return nil }
    let start = position.batch * batchSize
    return position.permutation[start..<min(start + batchSize, count)]
  }

  /// The indices of the next batch of this epoch, or `nil` when the epoch is over (the loader
  /// then moves on to the next epoch).
  public mutating func nextBatch() -> ArraySlice<Int>? {
    guard let batch = upcomingBatch else {
      position.epoch += 1
      position.batch = 0
      position.permutation = drawOrder()
      position.generatorState = generator.state
      return nil
    }
    position.batch += 1
    return batch
  }

  /// Copies the next batch of `dataset` into `features` and `targets`, reusing their storage, and
  /// returns its indices; `nil` when the epoch is over, as `nextBatch()`.
  public mutating func nextBatch(
    of dataset: Dataset, features: inout [Float], targets: inout [Float]
  ) -> ArraySlice<Int>? {
    precondition(
      dataset.count == count, "a loader over \(count) samples cannot batch \(dataset.count)")
    guard let indices = nextBatch() else { return nil }
    dataset.gather(indices, features: &features, targets: &targets)
    return indices
  }

  /// Continues from a saved `position`, or throws if it does not fit this loader (a wrong
  /// sample count, a batch past the end, an order that is not a permutation, a bad generator
  /// state) — positions come from checkpoint files.
  public mutating func restore(_ saved: Position) throws(DataError) {
    let hint = "was the checkpoint saved for a different dataset or batch size?"
    try require(saved.epoch >= 0, "a saved epoch cannot be negative", hint: hint)
    try require(
      (0...batchesPerEpoch).contains(saved.batch),
      "the saved batch \(saved.batch) is outside 0...\(batchesPerEpoch)", hint: hint)
    try require(
      saved.permutation.count == count
        && Set(saved.permutation) == Set(0..<count),
      "the saved order is not a permutation of \(count) samples", hint: hint)
    guard let restored = RandomGenerator(state: saved.generatorState) else {
      throw DataError(
        .invalidArgument, "the saved generator state is not four non-zero words", hint: hint)
    }
    generator = restored
    position = saved
  }

  /// This epoch's order: a fresh permutation, or dataset order.
  private mutating func drawOrder() -> [Int] {
    shuffles ? generator.permutation(count) : Array(0..<count)
  }
}
