import Datasets
import Foundation

/// A metric the fit loop records each epoch on the training and validation data, computed from
/// the model's predictions by `Metrics` (scikit-learn's definitions).
///
/// Classification outputs are logits: a single output is read as binary cross-entropy reads it
/// (class 1 when σ(logit) > 0.5, that is when the logit is above 0; exactly 0.5 is class 0),
/// several as cross-entropy does (the largest logit wins, the first on a tie). Precision, recall
/// and F1 are binary (class 1) for two classes and macro-averaged for more; AUC is binary, or
/// one-vs-rest macro for more classes.
public enum Metric: String, Sendable, CaseIterable {
  case accuracy, precision, recall, f1, auc
  case mae, mse, rmse, r2

  /// The value of the metric for `model` on `data`; a binary classifier decides class 1 above
  /// `threshold` when one is given (see ``ClassPredictions``).
  public func value(model: Sequential, data: Dataset, threshold: Double? = nil) throws -> Double {
    let outputs = try model.predict(
      Matrix(rows: data.count, columns: data.featureCount, values: data.features))
    if threshold != nil && outputs.columns > 2 {
      throw ModelError(
        "a threshold decides between two classes; this model gives \(outputs.columns) outputs")
    }
    return try value(outputs: outputs, targets: data.targets, threshold: threshold)
  }

  /// The value of the metric for the model `outputs` (one row per sample) against `targets`;
  /// a binary classifier decides class 1 above `threshold` when one is given.
  public func value(outputs: Matrix, targets: [Float], threshold: Double? = nil) throws -> Double {
    let expected = targets.map { Int($0) }
    switch self {
    case .mae, .mse, .rmse, .r2:
      let predicted = outputs.values.map(Double.init)
      let truth = targets.map(Double.init)
      switch self {
      case .mae: return try Metrics.meanAbsoluteError(predicted: predicted, expected: truth)
      case .mse: return try Metrics.meanSquaredError(predicted: predicted, expected: truth)
      case .rmse: return try Metrics.rootMeanSquaredError(predicted: predicted, expected: truth)
      default: return try Metrics.r2Score(predicted: predicted, expected: truth)
      }
    case .auc:
      let probabilities = Self.probabilities(outputs)
      if probabilities.first?.count == 2 {
        return try Metrics.rocAUC(scores: probabilities.map { $0[1] }, labels: expected)
      }
      return try Metrics.rocAUC(probabilities: probabilities, labels: expected)
    case .accuracy, .precision, .recall, .f1:
      let probabilities = Self.probabilities(outputs)
      let predicted = probabilities.map { Self.decide($0, threshold: threshold) }
      let average: Metrics.Averaging = outputs.columns <= 2 ? .binary(positive: 1) : .macro
      switch self {
      case .accuracy: return try Metrics.accuracy(predicted: predicted, expected: expected)
      case .precision:
        return try Metrics.precision(predicted: predicted, expected: expected, average: average)
      case .recall:
        return try Metrics.recall(predicted: predicted, expected: expected, average: average)
      default:
        return try Metrics.f1Score(predicted: predicted, expected: expected, average: average)
      }
    }
  }

  /// Class probabilities per sample: [1 − σ(z), σ(z)] for one logit, softmax for several.
  static func probabilities(_ outputs: Matrix) -> [[Double]] {
    (0..<outputs.rows).map { row in
      if outputs.columns == 1 {
        let p = Double(logistic(outputs[row, 0]))
        return [1 - p, p]
      }
      let logits = (0..<outputs.columns).map { Double(outputs[row, $0]) }
      let largest = logits.max() ?? 0
      let exponentials = logits.map { Foundation.exp($0 - largest) }
      let sum = exponentials.reduce(0, +)
      return exponentials.map { $0 / sum }
    }
  }
}
