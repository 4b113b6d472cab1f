/// Evaluation metrics: pure functions of predictions and targets, checked against scikit-learn.
///
/// Class labels are indices `0, 1, 2, …`; a metric that would divide by zero (no predicted
/// positives for precision, say) gives 0, as scikit-learn does by default.
public enum Metrics {
  /// Checks that `predicted` and `expected` have the same, non-zero count.
  static func checkPaired(_ predicted: Int, _ expected: Int) throws(MetricError) {
    guard predicted == expected else {
      throw MetricError("\(predicted) predictions but \(expected) targets; they must pair up")
    }
    guard predicted > 0 else { throw MetricError("no predictions to score") }
  }

  /// Checks that every label is a class index (non-negative).
  static func checkLabels(_ labels: [Int], _ role: String) throws(MetricError) {
    if let bad = labels.first(where: { $0 < 0 }) {
      throw MetricError("\(role) label \(bad) is negative; labels are class indices 0, 1, 2, …")
    }
  }
}

/// A metric that cannot be computed from its inputs, with the reason.
public struct MetricError: Error, Equatable, CustomStringConvertible {
  /// Why the metric cannot be computed.
  public var description: String

  /// An error saying `description`.
  public init(_ description: String) { self.description = description }
}
