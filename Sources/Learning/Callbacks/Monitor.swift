/// A value from the history that a callback watches, and what counts as doing better.
///
/// Losses and errors improve by going down; accuracy, precision, recall, F1, AUC and R² by going
/// up. A change counts only when it is larger than `minDelta`.
public struct Monitor: Sendable, Equatable {
  /// The history name: `val_loss`, `loss`, `val_accuracy`, …
  public var name: String
  /// The smallest change that counts as an improvement.
  public var minDelta: Double

  /// Creates a monitor.
  public init(_ name: String = "val_loss", minDelta: Double = 0) {
    self.name = name
    self.minDelta = abs(minDelta)
  }

  /// Whether larger values are better.
  public var maximizes: Bool {
    let base = name.hasPrefix("val_") ? String(name.dropFirst(4)) : name
    return ["accuracy", "precision", "recall", "f1", "auc", "r2"].contains(base)
  }

  /// The watched value in `record`, or an error saying why there is none.
  public func value(in record: EpochRecord) throws(ModelError) -> Double {
    guard let value = record.value(of: name) else {
      throw ModelError(
        "a callback watches \(name), which this run does not record"
          + (name.hasPrefix("val_") ? "; give fit validation data" : ""))
    }
    return value
  }

  /// Throws, before any training, unless a fit with `options` records the watched value: `loss`
  /// and each metric, and with validation data `val_loss` and `val_` + each metric.
  public func check(in options: FitOptions, by callback: String) throws(ModelError) {
    var recorded = ["loss"] + options.metrics.map(\.rawValue)
    if options.validation != nil { recorded += recorded.map { "val_" + $0 } }
    guard !recorded.contains(name) else { return }
    let base = name.hasPrefix("val_") ? String(name.dropFirst(4)) : name
    let hint =
      name.hasPrefix("val_") && options.validation == nil
      ? "give fit validation data"
      : Metric(rawValue: base) != nil ? "add \"\(base)\" to fit's metrics" : "watch one of those"
    throw ModelError(
      "\(callback) watches \(name), which this fit does not record (it records "
        + recorded.joined(separator: ", ") + "); " + hint)
  }

  /// Whether `value` is better than `best` by more than `minDelta` (any number beats no best).
  public func improves(_ value: Double, on best: Double?) -> Bool {
    guard let best else { return !value.isNaN }
    return maximizes ? value > best + minDelta : value < best - minDelta
  }
}
