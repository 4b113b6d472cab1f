import Datasets

/// The outcome of k-fold cross-validation: each fold's scores and their mean and spread.
public struct CrossValidationResult: Sendable, Equatable {
  /// Each fold's scores on its held-out samples: `loss` and the requested metrics.
  public var folds: [[String: Double]]
  /// The samples each fold trained on and held out.
  public var splits: [Fold]
  /// The mean of each score over the folds.
  public var mean: [String: Double]
  /// The population standard deviation √(Σ(x − mean)² / k) of each score over the k folds
  /// (NumPy's default `std`).
  public var standardDeviation: [String: Double]

  /// Summarises per-fold scores.
  public init(folds: [[String: Double]], splits: [Fold] = []) {
    self.folds = folds
    self.splits = splits
    var mean: [String: Double] = [:]
    var deviation: [String: Double] = [:]
    for name in Set(folds.flatMap(\.keys)) {
      let values = folds.compactMap { $0[name] }
      let average = values.reduce(0, +) / Double(values.count)
      mean[name] = average
      deviation[name] =
        (values.map { ($0 - average) * ($0 - average) }.reduce(0, +) / Double(values.count))
        .squareRoot()
    }
    self.mean = mean
    self.standardDeviation = deviation
  }
}

/// k-fold cross-validation: for each fold, a fresh model and optimizer train on the other folds
/// and are scored on the held-out one.
///
/// Folds come from `Dataset.kFolds` (stratified by default for classification, so each fold keeps
/// the class proportions). `makeModel` and `makeOptimizer` are called once per fold, with the
/// fold's index, so no fold starts from weights another has trained. `options.validation` is
/// replaced by the held-out fold.
public func crossValidate(
  _ data: Dataset, folds: Int = 5, seed: UInt64 = 0, stratified: Bool? = nil, loss: Loss,
  options: FitOptions = FitOptions(), makeModel: (Int) throws -> Sequential,
  makeOptimizer: (Int) -> Optimizer
) throws -> CrossValidationResult {
  let classification = data.task != .regression
  let rounds = try data.kFolds(folds, seed: seed, stratified: stratified ?? classification)
  var scores: [[String: Double]] = []
  for (index, fold) in rounds.enumerated() {
    let held = data.subset(fold.validation, how: "fold \(index + 1) of \(folds)")
    var foldOptions = options
    foldOptions.validation = held
    let trainer = Trainer(
      model: try makeModel(index), loss: loss, optimizer: makeOptimizer(index),
      options: foldOptions)
    try trainer.fit(data.subset(fold.train, how: "training folds for fold \(index + 1)"))
    let evaluation = try trainer.evaluate(held)
    scores.append(evaluation.metrics.merging(["loss": evaluation.loss]) { a, _ in a })
  }
  return CrossValidationResult(folds: scores, splits: rounds)
}
