extension Metrics {
  /// The coefficient of determination `R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)²`; for constant targets,
  /// 1 if the predictions are exact and 0 otherwise (scikit-learn's `r2_score`).
  public static func r2Score(predicted: [Double], expected: [Double]) throws(MetricError) -> Double
  {
    try checkPaired(predicted.count, expected.count)
    let mean = expected.reduce(0, +) / Double(expected.count)
    let residual = zip(predicted, expected).reduce(0) { $0 + ($1.1 - $1.0) * ($1.1 - $1.0) }
    let total = expected.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    if total == 0 { return residual == 0 ? 1 : 0 }
    return 1 - residual / total
  }

  /// The mean absolute error `mean(|y − ŷ|)`.
  public static func meanAbsoluteError(
    predicted: [Double], expected: [Double]
  ) throws(MetricError) -> Double {
    try checkPaired(predicted.count, expected.count)
    return zip(predicted, expected).reduce(0) { $0 + abs($1.1 - $1.0) } / Double(predicted.count)
  }

  /// The mean squared error `mean((y − ŷ)²)`.
  public static func meanSquaredError(
    predicted: [Double], expected: [Double]
  ) throws(MetricError) -> Double {
    try checkPaired(predicted.count, expected.count)
    let sum = zip(predicted, expected).reduce(0) { $0 + ($1.1 - $1.0) * ($1.1 - $1.0) }
    return sum / Double(predicted.count)
  }

  /// The root mean squared error `√mean((y − ŷ)²)`, in the targets' units.
  public static func rootMeanSquaredError(
    predicted: [Double], expected: [Double]
  ) throws(MetricError) -> Double {
    try meanSquaredError(predicted: predicted, expected: expected).squareRoot()
  }
}
