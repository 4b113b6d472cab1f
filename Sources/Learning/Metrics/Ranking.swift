extension Metrics {
  /// A receiver operating characteristic curve: false- and true-positive rates as the decision
  /// threshold falls, starting at (0, 0) with an infinite threshold.
  public struct ROCCurve: Equatable, Sendable {
    /// False-positive rates `fp / negatives`, non-decreasing.
    public var falsePositiveRates: [Double]
    /// True-positive rates `tp / positives`, non-decreasing.
    public var truePositiveRates: [Double]
    /// The score thresholds, decreasing; a sample is positive when its score is ≥ the threshold.
    public var thresholds: [Double]
  }

  /// A precision-recall curve in scikit-learn's order: thresholds increasing, recall falling,
  /// ending at precision 1, recall 0 (which has no threshold).
  public struct PrecisionRecallCurve: Equatable, Sendable {
    /// Precision at each threshold, then 1.
    public var precisions: [Double]
    /// Recall at each threshold, then 0.
    public var recalls: [Double]
    /// The distinct scores, increasing.
    public var thresholds: [Double]
  }

  /// The ROC curve of `scores` for `labels` (`positive` is the positive class), with collinear
  /// points dropped as scikit-learn's `roc_curve` does by default. Tied scores form one point.
  public static func rocCurve(
    scores: [Double], labels: [Int], positive: Int = 1
  ) throws(MetricError) -> ROCCurve {
    let points = try cumulativeCounts(scores: scores, labels: labels, positive: positive)
    guard let last = points.last, last.truePositives > 0, last.falsePositives > 0 else {
      throw MetricError("ROC needs both positive and negative samples among the targets")
    }
    var kept = [CountPoint(threshold: .infinity, truePositives: 0, falsePositives: 0)]
    for (index, point) in points.enumerated() {
      if index == 0 || index == points.count - 1 {
        kept.append(point)
        continue
      }
      let before = points[index - 1]
      let after = points[index + 1]
      let bendsFalse = before.falsePositives + after.falsePositives != 2 * point.falsePositives
      let bendsTrue = before.truePositives + after.truePositives != 2 * point.truePositives
      if bendsFalse || bendsTrue { kept.append(point) }
    }
    return ROCCurve(
      falsePositiveRates: kept.map { Double($0.falsePositives) / Double(last.falsePositives) },
      truePositiveRates: kept.map { Double($0.truePositives) / Double(last.truePositives) },
      thresholds: kept.map(\.threshold))
  }

  /// The area under the ROC curve by the trapezoidal rule: the probability that a random
  /// positive scores above a random negative, ties counting one half.
  public static func rocAUC(
    scores: [Double], labels: [Int], positive: Int = 1
  ) throws(MetricError) -> Double {
    let curve = try rocCurve(scores: scores, labels: labels, positive: positive)
    let x = curve.falsePositiveRates
    let y = curve.truePositiveRates
    var area = 0.0
    for index in 1..<x.count {
      area += (x[index] - x[index - 1]) * (y[index] + y[index - 1]) / 2
    }
    return area
  }

  /// The one-vs-rest macro ROC-AUC of class probabilities: `probabilities[i][c]` is sample i's
  /// score for class c; the mean over classes of the binary AUC of class c against the rest
  /// (scikit-learn's `roc_auc_score(multi_class="ovr", average="macro")`).
  public static func rocAUC(
    probabilities: [[Double]], labels: [Int]
  ) throws(MetricError) -> Double {
    try checkPaired(probabilities.count, labels.count)
    let classCount = probabilities[0].count
    guard probabilities.allSatisfy({ $0.count == classCount }), classCount >= 2 else {
      throw MetricError("every row of probabilities needs the same number (≥ 2) of classes")
    }
    try checkLabels(labels, "target")
    if let bad = labels.first(where: { $0 >= classCount }) {
      throw MetricError("target label \(bad) has no column among \(classCount) probabilities")
    }
    var total = 0.0
    for label in 0..<classCount {
      do {
        total += try rocAUC(
          scores: probabilities.map { $0[label] }, labels: labels, positive: label)
      } catch {
        throw MetricError("class \(label): \(error.description)")
      }
    }
    return total / Double(classCount)
  }

  /// The precision-recall curve of `scores` for `labels` (`positive` is the positive class),
  /// as scikit-learn's `precision_recall_curve`.
  public static func precisionRecallCurve(
    scores: [Double], labels: [Int], positive: Int = 1
  ) throws(MetricError) -> PrecisionRecallCurve {
    let points = try cumulativeCounts(scores: scores, labels: labels, positive: positive)
    let positives = points.last?.truePositives ?? 0
    let reversed = points.reversed()
    return PrecisionRecallCurve(
      precisions: reversed.map { point in
        let predicted = point.truePositives + point.falsePositives
        return predicted == 0 ? 0 : Double(point.truePositives) / Double(predicted)
      } + [1],
      recalls: reversed.map {
        positives == 0 ? 1 : Double($0.truePositives) / Double(positives)
      } + [0],
      thresholds: reversed.map(\.threshold))
  }

  /// Counts of positives and negatives scoring at or above a threshold.
  private struct CountPoint {
    var threshold: Double
    var truePositives: Int
    var falsePositives: Int
  }

  /// One point per distinct score, highest first: how many positives and negatives score at
  /// least that much (scikit-learn's `_binary_clf_curve`).
  private static func cumulativeCounts(
    scores: [Double], labels: [Int], positive: Int
  ) throws(MetricError) -> [CountPoint] {
    try checkPaired(scores.count, labels.count)
    guard scores.allSatisfy(\.isFinite) else { throw MetricError("scores must be finite") }
    let order = scores.indices.sorted { scores[$0] > scores[$1] }
    var points: [CountPoint] = []
    var truePositives = 0
    for (rank, index) in order.enumerated() {
      if labels[index] == positive { truePositives += 1 }
      let isLastOfTie = rank == order.count - 1 || scores[order[rank + 1]] != scores[index]
      if isLastOfTie {
        points.append(
          CountPoint(
            threshold: scores[index], truePositives: truePositives,
            falsePositives: rank + 1 - truePositives))
      }
    }
    return points
  }
}
