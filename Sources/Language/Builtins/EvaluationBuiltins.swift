import Datasets
import Foundation
import Learning

extension Builtin {
  /// Scoring a model: `evaluate`, `predict` and one built-in per metric.
  static var evaluation: [Builtin] {
    [
      Builtin(
        "evaluate", topic: .evaluation,
        summary: "The loss and metrics of a model on data; counts looks at the test split.",
        parameters: [
          .required("model", .host("model"), "The model."),
          .required("data", .host("dataset"), "The data to score it on."),
          .loss,
        ],
        example: """
          data = moons(n: 100, seed: 1)
          evaluate(mlp(inputs: 2, seed: 1), data)
          """
      ) { arguments, context in
        let model = arguments.model("model").model
        let data = arguments.dataset("data")
        let loss = try arguments.loss(for: data, context: context)
        try arguments.model("model").checkTakes(data, argument: "data")
        let metrics: [Metric] = data.task == .regression ? [.mae, .r2] : [.accuracy]
        let trainer = Trainer(
          model: model, loss: loss, optimizer: OptimizerObject.standard.make(),
          options: FitOptions(metrics: metrics))
        let result = try libraryCall { try trainer.evaluate(data) }
        if TestSetLedger.isTestSplit(data),
          let warning = context.session.runs.testLedger.recordEvaluation(of: model, on: data)
        {
          context.print("warning: " + warning)
        }
        return .host(
          ScoresObject(
            [("loss", result.loss)]
              + metrics.map { ($0.rawValue, result.metrics[$0.rawValue] ?? .nan) }))
      },
      Builtin(
        "predict", topic: .evaluation,
        summary: "The model's predictions per sample: a class for several outputs; for one, the "
          + "probability on binary data, else the output.",
        parameters: [
          .required("model", .host("model"), "The model."),
          .required(
            "data", .either(.host("dataset"), .list(of: .list(of: .number))),
            "A dataset, or a list of points such as [[0.5, -1]]."),
        ],
        example: "predict(mlp(inputs: 2, seed: 1), [[0, 0], [1, 0.5]])"
      ) { arguments, _ in
        let model = arguments.model("model").model
        let (input, task) = try features(arguments, "data", model: arguments.model("model"))
        let outputs = try libraryCall(argument: "data") { try model.predict(input) }
        return .list((0..<outputs.rows).map { row in
          if outputs.columns > 1 {
            let values = (0..<outputs.columns).map { outputs[row, $0] }
            return .number(Double(values.indices.max { values[$0] < values[$1] } ?? 0))
          }
          let value = Double(outputs[row, 0])
          return .number(task == .binary ? 1 / (1 + exp(-value)) : value)
        })
      },
    ] + Metric.allCases.filter { ![.mae, .mse].contains($0) }.map(metricBuiltin)
  }

  /// A built-in computing `metric` of a model on a dataset: `accuracy(net, data)`.
  private static func metricBuiltin(_ metric: Metric) -> Builtin {
    let name = metric == .auc ? "roc_auc" : metric.rawValue
    let summaries: [Metric: String] = [
      .accuracy: "The fraction of samples classified correctly.",
      .precision: "Of the samples predicted positive, the fraction that are (macro for classes).",
      .recall: "Of the positive samples, the fraction found (macro for several classes).",
      .f1: "The harmonic mean of precision and recall.",
      .auc: "The area under the ROC curve: how well scores rank positives above negatives.",
      .rmse: "The root mean squared error of a regression model.",
      .r2: "The coefficient of determination R² of a regression model (1 is perfect).",
    ]
    return Builtin(
      name, topic: .evaluation, summary: summaries[metric] ?? name,
      parameters: [
        .required("model", .host("model"), "The model."),
        .required("data", .host("dataset"), "The data to score it on."),
      ],
      example: metric == .rmse || metric == .r2
        ? "data = polynomial(n: 50, seed: 1)\n\(name)(mlp(inputs: 1, seed: 1), data)"
        : "data = moons(n: 100, seed: 1)\n\(name)(mlp(inputs: 2, seed: 1), data)"
    ) { arguments, _ in
      let model = arguments.model("model").model
      let data = arguments.dataset("data")
      try arguments.model("model").checkTakes(data, argument: "data")
      return .number(try libraryCall { try metric.value(model: model, data: data) })
    }
  }

  /// The features of a dataset or list of points passed as `label`, checked against the model.
  static func features(
    _ arguments: Arguments, _ label: String, model object: ModelObject
  ) throws -> (Matrix, Task?) {
    let model = object.model
    if case .host(let dataset as DatasetObject) = arguments[label] {
      let data = dataset.dataset
      try object.checkTakes(data, argument: label)
      return (Matrix(rows: data.count, columns: data.featureCount, values: data.features), data.task)
    }
    var values: [Float] = []
    let points = arguments.list(label)
    for (index, point) in points.enumerated() {
      guard case .list(let coordinates) = point, coordinates.count == model.inputFeatures else {
        throw CallError(
          "point \(index) should have \(model.inputFeatures) numbers, one per feature",
          argument: label)
      }
      for case .number(let x) in coordinates { values.append(Float(x)) }
    }
    guard !points.isEmpty else { throw CallError("there are no points", argument: label) }
    return (Matrix(rows: points.count, columns: model.inputFeatures, values: values), nil)
  }
}
