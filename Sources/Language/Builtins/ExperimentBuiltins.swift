import Datasets
import Learning

extension Builtin {
  /// Experiments around training: `lr_find` and `cross_validate`.
  static var experiments: [Builtin] {
    [
      Builtin(
        "lr_find", topic: .training,
        summary: "A learning-rate range test: trains briefly at growing rates and suggests one "
          + "(the model is left unchanged).",
        parameters: [
          .required("model", .host("model"), "The model (its weights are put back afterwards)."),
          .required("data", .host("dataset"), "The training data."),
          .loss,
          .optimizer,
          .optional("start", .number, default: .number(1e-7), "The first rate."),
          .optional("end", .number, default: .number(10), "The last rate."),
          .optional("steps", .integer, default: .number(100), "The number of steps."),
          .optional("batch", .integer, default: .number(32), "Samples per step."),
          .seed,
        ],
        example: """
          data = moons(n: 200, seed: 1)
          result = lr_find(mlp(inputs: 2, seed: 1), data, steps: 50, seed: 1)
          """
      ) { arguments, context in
        let object = arguments.model("model")
        let model = object.model
        let data = arguments.dataset("data")
        let loss = try arguments.loss(for: data, context: context)
        let optimizer = try arguments.optimizer(context: context)
        let start = try positive(arguments, "start")
        let end = try positive(arguments, "end")
        guard end > start else {
          throw CallError("`end` must be larger than `start`", argument: "end")
        }
        let steps = try arguments.integer("steps", atLeast: 2, what: "`steps`")
        let batch = try arguments.integer("batch", atLeast: 1, what: "the batch size")
        let seed = try arguments.seed(in: context)
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
          .required("model", .host("model"), "The template: each fold trains a copy of it."),
          .required("data", .host("dataset"), "The data to fold."),
          .optional("k", .integer, default: .number(5), "The number of folds."),
          .loss,
          .optimizer,
          .optional("epochs", .integer, default: .number(20), "Epochs per fold."),
          .optional("batch", .integer, default: .number(32), "Samples per step."),
          .optional(
            "metrics", .list(of: .choice("metric", Metric.allCases.map(\.rawValue))),
            default: .list([]), "Metrics scored on each held-out fold."),
          .seed,
        ],
        example: """
          data = moons(n: 100, seed: 1)
          cross_validate(mlp(inputs: 2, hidden: [8], seed: 1), data, k: 3, epochs: 5, seed: 1)
          """
      ) { arguments, context in
        let object = arguments.model("model")
        let template = object.model
        let data = arguments.dataset("data")
        let loss = try arguments.loss(for: data, context: context)
        let optimizer = try arguments.optimizer(context: context)
        let k = try arguments.integer("k", atLeast: 2, what: "`k`")
        let epochs = try arguments.integer("epochs", atLeast: 1, what: "`epochs`")
        let batch = try arguments.integer("batch", atLeast: 1, what: "the batch size")
        let seed = try arguments.seed(in: context)
        let flag = context.session.cancellation
        let options = FitOptions(
          epochs: epochs, batchSize: batch, seed: seed,
          metrics: arguments.list("metrics").compactMap { Metric(rawValue: $0.choiceName) },
          isCancelled: { flag.isCancelled })
        try checkFit(object, data, loss)
        let result = try libraryCall {
          try crossValidate(
            data, folds: k, seed: seed, loss: loss, options: options,
            makeModel: { _ in try copyModel(template) }, makeOptimizer: { _ in optimizer.make() })
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
