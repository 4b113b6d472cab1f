extension Metrics {
  /// How per-class scores are combined.
  public enum Averaging: Equatable, Sendable {
    /// The score of one class, the positive one, against all others.
    case binary(positive: Int)
    /// The unweighted mean of the per-class scores over the classes that occur in the
    /// predictions or the targets (scikit-learn's `average="macro"`).
    case macro
  }

  /// The fraction of predictions equal to their target: `mean(predicted[i] == expected[i])`.
  public static func accuracy(predicted: [Int], expected: [Int]) throws(MetricError) -> Double {
    try checkPaired(predicted.count, expected.count)
    let correct = zip(predicted, expected).count { $0 == $1 }
    return Double(correct) / Double(predicted.count)
  }

  /// The confusion matrix `counts[target][prediction]` (rows are true classes, as in
  /// scikit-learn) over classes `0..<classCount`, by default one more than the largest label.
  public static func confusionMatrix(
    predicted: [Int], expected: [Int], classCount: Int? = nil
  ) throws(MetricError) -> [[Int]] {
    try checkPaired(predicted.count, expected.count)
    try checkLabels(predicted, "predicted")
    try checkLabels(expected, "target")
    let largest = max(predicted.max() ?? 0, expected.max() ?? 0)
    let count = classCount ?? largest + 1
    guard largest < count else {
      throw MetricError("label \(largest) is not below the class count \(count)")
    }
    var counts = Array(repeating: Array(repeating: 0, count: count), count: count)
    for (prediction, target) in zip(predicted, expected) { counts[target][prediction] += 1 }
    return counts
  }

  /// Precision `tp / (tp + fp)`: of the samples predicted as a class, the fraction that are.
  public static func precision(
    predicted: [Int], expected: [Int], average: Averaging = .binary(positive: 1)
  ) throws(MetricError) -> Double {
    try averaged(predicted, expected, average) { ratio($0.truePositives, $0.predictedPositives) }
  }

  /// Recall `tp / (tp + fn)`: of the samples of a class, the fraction predicted as it.
  public static func recall(
    predicted: [Int], expected: [Int], average: Averaging = .binary(positive: 1)
  ) throws(MetricError) -> Double {
    try averaged(predicted, expected, average) { ratio($0.truePositives, $0.actualPositives) }
  }

  /// F1 `2·tp / (2·tp + fp + fn)`, the harmonic mean of precision and recall; macro F1 is the
  /// mean of the per-class F1 scores (not the F1 of the mean precision and recall).
  public static func f1Score(
    predicted: [Int], expected: [Int], average: Averaging = .binary(positive: 1)
  ) throws(MetricError) -> Double {
    try averaged(predicted, expected, average) {
      ratio(2 * $0.truePositives, $0.predictedPositives + $0.actualPositives)
    }
  }

  /// Counts of one class against the rest.
  private struct ClassCounts {
    var truePositives = 0
    var predictedPositives = 0
    var actualPositives = 0
  }

  /// `score` of the positive class, or its mean over the classes that occur.
  private static func averaged(
    _ predicted: [Int], _ expected: [Int], _ average: Averaging,
    score: (ClassCounts) -> Double
  ) throws(MetricError) -> Double {
    try checkPaired(predicted.count, expected.count)
    let classes: [Int]
    switch average {
    case .binary(let positive): classes = [positive]
    case .macro: classes = Set(predicted + expected).sorted()
    }
    let scores = classes.map { label in
      var counts = ClassCounts()
      for (prediction, target) in zip(predicted, expected) {
        if prediction == label { counts.predictedPositives += 1 }
        if target == label { counts.actualPositives += 1 }
        if prediction == label && target == label { counts.truePositives += 1 }
      }
      return score(counts)
    }
    return scores.reduce(0, +) / Double(scores.count)
  }

  /// `numerator / denominator`, or 0 when the denominator is 0 (scikit-learn's default).
  private static func ratio(_ numerator: Int, _ denominator: Int) -> Double {
    denominator == 0 ? 0 : Double(numerator) / Double(denominator)
  }
}
