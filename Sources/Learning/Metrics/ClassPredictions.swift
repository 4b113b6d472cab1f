import Datasets

/// What a classifier made of each sample: its true class, the class predicted, and the
/// probability the model gave that class (its confidence), for error analysis.
///
/// A model with one output predicts class 1 when σ(logit) is above `threshold` (0.5 unless
/// given, as `Metric` decides); with several, the most probable class. A threshold is a binary
/// decision: it needs a model with one output or two.
public struct ClassPredictions: Sendable, Equatable {
  /// Each sample's true class.
  public var truth: [Int]
  /// Each sample's predicted class.
  public var predicted: [Int]
  /// The probability the model gave each sample's predicted class.
  public var confidence: [Double]
  /// Each sample's probability of class 1, for a binary model; nil for more classes.
  public var positiveScores: [Double]?

  /// The predictions of `model` on `data` (a classification dataset), at `threshold` for a
  /// binary model (nil: the most probable class).
  public init(model: Sequential, data: Dataset, threshold: Double? = nil) throws {
    let outputs = try model.predict(
      Matrix(rows: data.count, columns: data.featureCount, values: data.features))
    let probabilities = Metric.probabilities(outputs)
    let binary = probabilities.first?.count == 2
    if threshold != nil && !binary {
      throw ModelError(
        "a threshold decides between two classes; this model gives \(outputs.columns) outputs")
    }
    truth = data.targets.map { Int($0) }
    predicted = probabilities.map { Metric.decide($0, threshold: threshold) }
    confidence = zip(probabilities, predicted).map { row, choice in row[choice] }
    positiveScores = binary ? probabilities.map { $0[1] } : nil
  }

  /// The samples the model got wrong, by index.
  public var wrong: [Int] { truth.indices.filter { truth[$0] != predicted[$0] } }
}

extension Metric {
  /// The class decided from one sample's class probabilities: class 1 when its probability is
  /// above `threshold` for two classes given a threshold, else the most probable (the first on a
  /// tie, so exactly 0.5 is class 0).
  static func decide(_ probabilities: [Double], threshold: Double?) -> Int {
    if let threshold, probabilities.count == 2 { return probabilities[1] > threshold ? 1 : 0 }
    return probabilities.indices.max { probabilities[$0] < probabilities[$1] } ?? 0
  }
}
