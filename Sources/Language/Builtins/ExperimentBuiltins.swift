import Datasets
import Learning

extension Builtin {
  /// Experiments around training: `lr_find` and `cross_validate`.
  static var experiments: [Builtin] {
    let probed = Declared<ModelObject>.object(
      "model", "model", "The model (its weights are put back afterwards).")
    let training = Declared<DatasetObject>.object("data", "dataset", "The training data.")
    let start = Declared.number("start", default: 1e-7, "The first rate.").valid(.positive)
    let end = Declared.number("end", default: 10, "The last rate.").valid(.positive)
    let steps = Declared.integer("steps", default: 100, "The number of steps.")
      .valid(.atLeast(2))
    let batch = Declared.batchSize
    let template = Declared<ModelObject>.object(
      "model", "model", "The template: each fold trains a copy of it.")
    let folded = Declared<DatasetObject>.object("data", "dataset", "The data to fold.")
    let k = Declared.integer("k", default: 5, "The number of folds.")
      .valid(.atLeast(Double(Dataset.fewestFolds)))
    let epochs = Declared.integer("epochs", default: 20, "Epochs per fold.").valid(.atLeast(1))
    let metrics = Declared.metrics("Metrics scored on each held-out fold.")
    let standardizeFolds = Declared.bool(
      "standardize", default: false,
      "Standardize each round with its training folds' means and deviations only, so the "
        + "held-out fold's statistics never leak into training.")
    return [
      Builtin(
        "lr_find", topic: .training,
        summary: "A learning-rate range test: trains briefly at growing rates and suggests one "
          + "(the model is left unchanged).",
        parameters: [probed, training, .loss, .optimizer, start, end, steps, batch, .seed],
        example: """
          data = moons(n: 200, seed: 1)
          result = lr_find(mlp(inputs: 2, seed: 1), data, steps: 50, seed: 1)
          """
      ) { arguments, context in
        let object = arguments[probed]
        let model = object.model
        let data = arguments[training].dataset
        let loss = arguments.loss(for: data)
        let optimizer = arguments.optimizer
        let (start, end) = (arguments[start], arguments[end])
        guard end > start else {
          throw CallError("`end` must be larger than `start`", argument: "end")
        }
        let (steps, batch) = (arguments[steps], arguments[batch])
        let seed = arguments.seed(in: context)
        try refuseAbove(Limits.rateFinderSteps, steps, argument: "steps")
        try checkFit(object, data, loss)
        let result = try libraryCall {
          try findLearningRate(
            model: model, loss: loss, optimizer: optimizer.make(), data: data, start: start,
            end: end, steps: steps, batchSize: batch, seed: seed,
            isCancelled: { context.isCancelled })
        }
        try context.checkCancellation()
        return .host(RateFinderObject(result))
      },
      Builtin(
        "cross_validate", topic: .training,
        summary: "k-fold cross-validation: trains a fresh copy of the model on each fold and "
          + "reports each fold's scores and their mean ± std.",
        parameters: [
          template, folded, k, .loss, .optimizer, epochs, batch, metrics, standardizeFolds, .seed,
        ],
        example: """
          data = moons(n: 100, seed: 1)
          cross_validate(mlp(inputs: 2, hidden: [8], seed: 1), data, k: 3, epochs: 5, seed: 1)
          """
      ) { arguments, context in
        let object = arguments[template]
        let model = object.model
        let data = arguments[folded].dataset
        let loss = arguments.loss(for: data)
        let optimizer = arguments.optimizer
        let (k, epochs, batch) = (arguments[k], arguments[epochs], arguments[batch])
        let seed = arguments.seed(in: context)
        try refuseAbove(Limits.epochs, epochs, argument: "epochs")
        // The folds' sample indices, each sample's twice per fold, and one fold's training copy.
        try context.reserve(k, of: data.count * 16, argument: "k")
        try context.reserveTraining(model, epochs: epochs)
        let flag = context.session.cancellation
        let options = FitOptions(
          epochs: epochs, batchSize: batch, seed: seed, metrics: arguments[metrics],
          isCancelled: { flag.isCancelled })
        try checkFit(object, data, loss)
        let result = try libraryCall {
          try crossValidate(
            data, folds: k, seed: seed, loss: loss, options: options,
            standardizesFolds: arguments[standardizeFolds],
            makeModel: { _ in try copyModel(model) }, makeOptimizer: { _ in optimizer.make() })
        }
        try context.checkCancellation()
        return .host(CrossValidationObject(result))
      },
    ]
  }

  /// Checks that `model` can train on the `data` argument with `loss`, as `fit` would, before
  /// any work.
  static func checkFit(_ object: ModelObject, _ data: Dataset, _ loss: Loss) throws {
    try object.checkTakes(data, argument: "data")
    let model = object.model
    let trainer = Trainer(model: model, loss: loss, optimizer: OptimizerObject.standard.make())
    _ = try libraryCall(argument: "data") { try trainer.evaluate(data) }
  }
}

/// The result of `cross_validate`: each fold's scores and their mean ± standard deviation.
final class CrossValidationObject: HostObject {
  let result: CrossValidationResult

  init(_ result: CrossValidationResult) { self.result = result }

  var typeName: String { "cross-validation result" }
  private var names: [String] { ["loss"] + result.mean.keys.sorted().filter { $0 != "loss" } }

  var summary: String {
    "\(result.folds.count) folds: "
      + names.map { name in
        "\(name) \(NumberFormat.format(result.mean[name] ?? .nan)) ± "
          + NumberFormat.format(result.standardDeviation[name] ?? .nan)
      }.joined(separator: ", ")
  }

  var display: String {
    let rows = result.folds.enumerated().map { index, scores in
      "  fold \(index + 1): "
        + names.map { "\($0) \(NumberFormat.format(scores[$0] ?? .nan))" }
        .joined(separator: ", ")
    }
    return ([summary] + rows).joined(separator: "\n")
  }

  var fieldNames: [String] { ["folds", "mean", "std"] }

  func field(named name: String) throws -> Value? {
    switch name {
    case "folds":
      .list(
        result.folds.map { scores in
          .host(ScoresObject(names.map { ($0, scores[$0] ?? .nan) }))
        })
    case "mean": .host(ScoresObject(names.map { ($0, result.mean[$0] ?? .nan) }))
    case "std": .host(ScoresObject(names.map { ($0, result.standardDeviation[$0] ?? .nan) }))
    default: nil
    }
  }
}
