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
public struct RunRecord: Codable, Sendable, Equatable {
  /// The run's unique id, which sorts by creation time (`RunStore.makeID(createdAt:)`).
  public var id: String
  /// A name for people, e.g. "baseline" or "more dropout".
  public var name: String
  /// When the run started, to the second.
  public var created: Date
  /// The settings, by the keys of `RunRecord.Parameter` and any others.
  public var parameters: [String: String]
  /// Per-epoch series by the keys of `RunRecord.Series` and any metric's name; element `i` is
  /// epoch `i + 1`.
  public var history: [String: [Double]]
  /// The metrics after the last epoch (on the validation or test data), by name.
  public var finalMetrics: [String: Double]
  /// Wall-clock seconds the run took.
  public var duration: Double
  /// How the run ended.
  public var status: RunStatus
  /// What happened, for runs that did not simply finish (e.g. why the loss became NaN).
  public var message: String?

  /// A run record; `created` is kept to the whole second, as the JSON stores it.
  public init(
    id: String, name: String, created: Date, parameters: [String: String] = [:],
    history: [String: [Double]] = [:], finalMetrics: [String: Double] = [:],
    duration: Double = 0, status: RunStatus = .finished, message: String? = nil
  ) {
    self.id = id
    self.name = name
    self.created = Date(timeIntervalSince1970: created.timeIntervalSince1970.rounded(.down))
    self.parameters = parameters
    self.history = history
    self.finalMetrics = finalMetrics
    self.duration = duration
    self.status = status
    self.message = message
  }

  /// The keys of `parameters` that every fit records.
  public enum Parameter {
    /// The model summary.
    public static let model = "model"
    /// The loss function.
    public static let loss = "loss"
    /// The optimizer and its settings, e.g. "Adam(lr: 0.001, betas: (0.9, 0.999))".
    public static let optimizer = "optimizer"
    /// The learning-rate schedule.
    public static let schedule = "schedule"
    /// The batch size.
    public static let batchSize = "batch_size"
    /// The number of epochs asked for.
    public static let epochs = "epochs"
    /// The random seed.
    public static let seed = "seed"
    /// The dataset's name.
    public static let dataset = "dataset"
    /// Where the dataset came from.
    public static let provenance = "provenance"
    /// The trainbook version (`Trainbook.version`).
    public static let version = "trainbook_version"
  }

  /// The keys of `history` that the fit loop records.
  public enum Series {
    /// Mean training loss of the epoch.
    public static let loss = "loss"
    /// Validation loss after the epoch.
    public static let validationLoss = "val_loss"
    /// The learning rate of the epoch (its last step's).
    public static let learningRate = "lr"
    /// Training accuracy.
    public static let accuracy = "accuracy"
    /// Validation accuracy.
    public static let validationAccuracy = "val_accuracy"
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
