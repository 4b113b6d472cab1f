import Learning
import TestSupport
import Testing

// Expected values: scikit-learn 1.9.1, printed by References/metrics_reference.py.

private let binaryTargets = [0, 1, 1, 0, 1, 1, 0, 0, 1, 0, 1, 1]
private let binaryPredictions = [0, 1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 1]
private let multiTargets = [0, 1, 2, 2, 1, 0, 3, 2, 1, 0, 2, 3]
private let multiPredictions = [0, 2, 2, 2, 1, 0, 1, 1, 1, 0, 2, 0]
private let scoredTargets = [0, 0, 1, 1, 0, 1, 1, 0, 1, 0]
private let scores = [0.1, 0.4, 0.35, 0.8, 0.8, 0.4, 0.8, 0.2, 0.9, 0.55]

@Test func binaryClassificationMetricsMatchScikitLearn() throws {
  let (p, t) = (binaryPredictions, binaryTargets)
  expectClose(try Metrics.accuracy(predicted: p, expected: t), 0.75)
  expectClose(try Metrics.precision(predicted: p, expected: t), 0.75)
  expectClose(try Metrics.recall(predicted: p, expected: t), 0.8571428571428571)
  expectClose(try Metrics.f1Score(predicted: p, expected: t), 0.8)
  expectClose(
    try Metrics.f1Score(predicted: p, expected: t, average: .binary(positive: 0)),
    0.6666666666666666)
}

@Test func macroClassificationMetricsMatchScikitLearn() throws {
  let (p, t) = (multiPredictions, multiTargets)
  expectClose(try Metrics.accuracy(predicted: p, expected: t), 0.6666666666666666)
  expectClose(try Metrics.precision(predicted: p, expected: t, average: .macro), 0.5)
  expectClose(try Metrics.recall(predicted: p, expected: t, average: .macro), 0.6041666666666666)
  expectClose(try Metrics.f1Score(predicted: p, expected: t, average: .macro), 0.5446428571428571)
  #expect(
    try Metrics.confusionMatrix(predicted: p, expected: t)
      == [[3, 0, 0, 0], [0, 2, 1, 0], [0, 1, 3, 0], [1, 1, 0, 0]])
}

@Test func rocCurveAndAUCHandleTiesLikeScikitLearn() throws {
  let curve = try Metrics.rocCurve(scores: scores, labels: scoredTargets)
  expectClose(curve.falsePositiveRates, [0.0, 0.0, 0.2, 0.4, 0.6, 0.6, 1.0])
  expectClose(curve.truePositiveRates, [0.0, 0.2, 0.6, 0.6, 0.8, 1.0, 1.0])
  #expect(curve.thresholds == [.infinity, 0.9, 0.8, 0.55, 0.4, 0.35, 0.1])
  expectClose(try Metrics.rocAUC(scores: scores, labels: scoredTargets), 0.74)
}

@Test func precisionRecallCurveMatchesScikitLearn() throws {
  let curve = try Metrics.precisionRecallCurve(scores: scores, labels: scoredTargets)
  expectClose(
    curve.precisions,
    [0.5, 0.5555555555555556, 0.625, 0.5714285714285714, 0.6, 0.75, 1.0, 1.0])
  expectClose(curve.recalls, [1.0, 1.0, 1.0, 0.8, 0.6, 0.6, 0.2, 0.0])
  expectClose(curve.thresholds, [0.1, 0.2, 0.35, 0.4, 0.55, 0.8, 0.9])
  expectClose(Metrics.averagePrecision(of: curve), 0.7392857142857143)
}

@Test func oneVersusRestMacroAUCMatchesScikitLearn() throws {
  let probabilities = [
    [0.7, 0.2, 0.1], [0.3, 0.4, 0.3], [0.1, 0.3, 0.6], [0.2, 0.2, 0.6],
    [0.5, 0.4, 0.1], [0.4, 0.4, 0.2], [0.3, 0.3, 0.4], [0.2, 0.5, 0.3],
  ]
  let labels = [0, 1, 2, 2, 1, 0, 2, 1]
  expectClose(try Metrics.rocAUC(probabilities: probabilities, labels: labels), 0.95)
}

@Test func regressionMetricsMatchScikitLearn() throws {
  let expected = [3.0, -0.5, 2.0, 7.0, 4.2, 1.1]
  let predicted = [2.5, 0.0, 2.1, 7.8, 3.9, 0.7]
  expectClose(try Metrics.r2Score(predicted: predicted, expected: expected), 0.9588960657662948)
  expectClose(
    try Metrics.meanAbsoluteError(predicted: predicted, expected: expected), 0.4333333333333334)
  expectClose(
    try Metrics.meanSquaredError(predicted: predicted, expected: expected), 0.2333333333333333)
  expectClose(
    try Metrics.rootMeanSquaredError(predicted: predicted, expected: expected),
    0.48304589153964794)
  #expect(try Metrics.r2Score(predicted: [2, 2], expected: [2, 2]) == 1)
  #expect(try Metrics.r2Score(predicted: [1, 2], expected: [2, 2]) == 0)
}

@Test func metricsRejectInputsTheyCannotScore() {
  #expect(throws: MetricError.self) { try Metrics.accuracy(predicted: [1, 0], expected: [1]) }
  #expect(throws: MetricError.self) { try Metrics.accuracy(predicted: [], expected: []) }
  #expect(throws: MetricError.self) {
    try Metrics.confusionMatrix(predicted: [-1], expected: [0])
  }
  #expect(throws: MetricError.self) { try Metrics.rocAUC(scores: [0.3, 0.5], labels: [1, 1]) }
  #expect(throws: MetricError.self) {
    try Metrics.rocAUC(probabilities: [[0.5, 0.5], [0.4, 0.6]], labels: [0, 2])
  }
}
