import Foundation
import Support

/// How a run ended.
public enum RunStatus: String, Codable, Sendable, CustomStringConvertible {
  /// It trained for all its epochs.
  case finished
  /// Early stopping ended it.
  case stoppedEarly = "stopped_early"
  /// The learner interrupted it (Ctrl-C); the model holds the last completed step.
  case interrupted
  /// The loss became NaN or infinite.
  case diverged

  /// "finished", "stopped early", "interrupted" or "diverged".
  public var description: String { rawValue.replacingOccurrences(of: "_", with: " ") }
}

/// One training run: what was trained and how, what it learned per epoch, and how it ended.
///
/// Saved by `RunStore` as `runs/<id>.json` (this value) and `runs/<id>.csv` (the history).
/// `Trainer.fitRecordingRun` builds the run of every fit, so all runs mean the same.
public struct RunRecord: Codable, Sendable, Equatable {
  /// The run's unique id, which sorts by creation time (`RunStore.makeID(createdAt:)`).
  public var id: String
  /// A name for people, e.g. "baseline" or "more dropout".
  public var name: String
  /// When the run started, to the second.
  public var created: Date
  /// The settings it trained with; none for a record written by hand or by an older trainbook.
  public var settings: RunSettings?
  /// Per-epoch series by the keys of `RunRecord.Series` and any metric's name; element `i` is
  /// epoch `i + 1`.
  public var history: [String: [Double]]
  /// The values after the last epoch: `loss`, `val_loss` and each metric, by name.
  public var finalMetrics: [String: Double]
  /// The epoch (from 1) with the lowest validation loss, or the lowest training loss without
  /// validation; none before any epoch completed.
  public var bestEpoch: Int?
  /// Wall-clock seconds the run took.
  public var duration: Double
  /// How the run ended.
  public var status: RunStatus
  /// What happened, for runs that did not simply finish (e.g. why the loss became NaN).
  public var message: String?
  /// The loss levels of its training data (chance, noise floor) that `Diagnosis` reads the
  /// curves against; none in records made before they were kept.
  public var reference: ReferenceLevels?

  /// A run record; `created` is kept to the whole second, as the JSON stores it, and
  /// `bestEpoch` is read from the history.
  public init(
    id: String, name: String, created: Date, settings: RunSettings? = nil,
    history: [String: [Double]] = [:], finalMetrics: [String: Double] = [:],
    duration: Double = 0, status: RunStatus = .finished, message: String? = nil,
    reference: ReferenceLevels? = nil
  ) {
    self.id = id
    self.name = name
    self.created = Date(timeIntervalSince1970: created.timeIntervalSince1970.rounded(.down))
    self.settings = settings
    self.history = history
    self.finalMetrics = finalMetrics
    self.duration = duration
    self.status = status
    self.message = message
    self.reference = reference
    bestEpoch = best?.epoch
  }

  enum CodingKeys: String, CodingKey {
    case id, name, created, settings, history, duration, status, message, reference
    case finalMetrics = "final_metrics"
    case bestEpoch = "best_epoch"
  }

  /// Reads a record; one saved by an older trainbook (settings as text, no best epoch) keeps its
  /// history, final values and ending, without settings.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(String.self, forKey: .id)
    name = try container.decode(String.self, forKey: .name)
    created = try container.decode(Date.self, forKey: .created)
    settings = try container.decodeIfPresent(RunSettings.self, forKey: .settings)
    history = try container.decode([String: [Double]].self, forKey: .history)
    let legacy = try decoder.container(keyedBy: LegacyKeys.self)
    finalMetrics =
      try container.decodeIfPresent([String: Double].self, forKey: .finalMetrics)
      ?? legacy.decode([String: Double].self, forKey: .finalMetrics)
    duration = try container.decode(Double.self, forKey: .duration)
    status = try container.decode(RunStatus.self, forKey: .status)
    message = try container.decodeIfPresent(String.self, forKey: .message)
    reference = try container.decodeIfPresent(ReferenceLevels.self, forKey: .reference)
    bestEpoch = try container.decodeIfPresent(Int.self, forKey: .bestEpoch)
    if !container.contains(.bestEpoch) { bestEpoch = best?.epoch }
  }

  /// The key older records used for the final metrics.
  private enum LegacyKeys: String, CodingKey { case finalMetrics }

  /// The lowest validation loss (or training loss, without validation) with its series and
  /// 1-based epoch.
  public var best: (key: String, epoch: Int, value: Double)? {
    for key in [Series.validationLoss, Series.loss] {
      if let lowest = lowest(key) { return (key, lowest.epoch, lowest.value) }
    }
    return nil
  }

  /// The keys of `history` that the fit loop records.
  public enum Series {
    /// Mean training loss of the epoch.
    public static let loss = "loss"
    /// Validation loss after the epoch.
    public static let validationLoss = "val_loss"
    /// The learning rate of the epoch (its last step's).
    public static let learningRate = "lr"
    /// Wall-clock seconds of the epoch.
    public static let seconds = "seconds"
  }

  /// The number of epochs recorded: the longest series.
  public var epochCount: Int { history.values.map(\.count).max() ?? 0 }

  /// The lowest value of the series `key` that is not NaN, with its 1-based epoch.
  public func lowest(_ key: String) -> (epoch: Int, value: Double)? {
    let values = history[key] ?? []
    return values.indices.filter { !values[$0].isNaN }
      .min { values[$0] < values[$1] }
      .map { (epoch: $0 + 1, value: values[$0]) }
  }

  /// The run as JSON: sorted keys, ISO 8601 time, non-finite numbers as "nan", "inf", "-inf".
  public func jsonData() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    encoder.dateEncodingStrategy = .iso8601
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return try encoder.encode(self)
  }

  /// Reads a run from the JSON of `jsonData()`.
  public init(json: Data) throws {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    self = try decoder.decode(RunRecord.self, from: json)
  }
}
