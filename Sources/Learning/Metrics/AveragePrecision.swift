extension Metrics {
  /// The average precision of `scores` for `labels`: the precision at each threshold weighted by
  /// the recall it adds, Σₙ (Rₙ − Rₙ₋₁) Pₙ, as scikit-learn's `average_precision_score` (no
  /// interpolation).
  public static func averagePrecision(
    of curve: PrecisionRecallCurve
  ) -> Double {
    var total = 0.0
    for index in 0..<(curve.recalls.count - 1) {
      total += (curve.recalls[index] - curve.recalls[index + 1]) * curve.precisions[index]
    }
    return total
  }
}
