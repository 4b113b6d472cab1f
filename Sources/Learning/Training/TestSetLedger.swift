import Datasets

/// Keeps count of evaluations on test data, and warns when the test data is looked at again
/// after more training.
///
/// The test split estimates how a model does on data it has never influenced. Each time a test
/// score steers a choice (more epochs, another rate, another architecture) and the model is
/// evaluated on it again, the test data has influenced the model and its score flatters it. A
/// session keeps one ledger; the validation split is the place for tuning.
public final class TestSetLedger {
  /// One test dataset's record: how often it was evaluated, and the training seen at the last look.
  public struct Entry: Sendable, Equatable {
    /// The dataset's name.
    public var name: String
    /// The number of evaluations so far.
    public var evaluations: Int
    /// The identity of the model last evaluated and its update count then.
    var lastModel: ObjectIdentifier
    var lastUpdates: Int
  }

  /// The entries, by a fingerprint of the test data.
  public private(set) var entries: [UInt64: Entry] = [:]

  /// Creates an empty ledger.
  public init() {}

  /// Records an evaluation of `model` on `data`; returns a warning if the same test data was
  /// evaluated before and the model has trained (or another model has been built) since.
  public func recordEvaluation(of model: Sequential, on data: Dataset) -> String? {
    let key = fingerprint(data)
    let identity = ObjectIdentifier(model)
    guard var entry = entries[key] else {
      entries[key] = Entry(
        name: data.name, evaluations: 1, lastModel: identity, lastUpdates: model.updatesApplied)
      return nil
    }
    let changed = entry.lastModel != identity || entry.lastUpdates != model.updatesApplied
    entry.evaluations += 1
    entry.lastModel = identity
    entry.lastUpdates = model.updatesApplied
    entries[key] = entry
    guard changed else { return nil }
    return "this is evaluation \(entry.evaluations) on the test data \(data.name), after further "
      + "training since the last one. When a test score steers what you try next, the test data "
      + "is no longer unseen and its score overstates how the model will do on new data. Tune "
      + "with the validation split and evaluate on the test split once, at the end."
  }

  /// Whether `data` is the test part of a split (its provenance says so).
  public static func isTestSplit(_ data: Dataset) -> Bool {
    if case .derived(_, let how) = data.provenance { return how.hasPrefix("test part") }
    return false
  }

  /// FNV-1a over the bits of the features and targets.
  private func fingerprint(_ data: Dataset) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for value in data.features + data.targets {
      hash = (hash ^ UInt64(value.bitPattern)) &* 0x100_0000_01b3
    }
    return hash
  }
}
