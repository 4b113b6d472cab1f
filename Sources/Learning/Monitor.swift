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

  /// Whether `value` is better than `best` by more than `minDelta` (any number beats no best).
  public func improves(_ value: Double, on best: Double?) -> Bool {
    guard let best else { return !value.isNaN }
    return maximizes ? value > best + minDelta : value < best - minDelta
  }
}
