import Datasets
import Foundation
import Learning

extension Builtin {
  /// Scoring a model: `evaluate`, `predict` and one built-in per metric.
  static var evaluation: [Builtin] {
    let net = Declared<ModelObject>.object("model", "model", "The model.")
    let scored = Declared<DatasetObject>.object("data", "dataset", "The data to score it on.")
    let predictor = Declared<ModelObject>.object(
      "model", "model",
      "The model. Trained with bce, it gives each sample's probability of class 1; with "
        + "cross_entropy, a list of class probabilities; with a regression loss, its output.")
    let points = Declared.value(
      "data", .either(.host("dataset"), .list(of: .list(of: .number))),
      "A dataset, or a list of points such as [[0.5, -1]]. An untrained model counts as "
        + "trained with the loss fit picks for a dataset; for points, it gives raw outputs "
        + "(logits).")
    return [
      Builtin(
        "evaluate", topic: .evaluation,
        summary:
          "The loss and metrics of a model on data (each look at the test split is counted).",
        parameters: [net, scored, .loss],
        example: """
          data = moons(n: 100, seed: 1)
          evaluate(mlp(inputs: 2, seed: 1), data)
          """
      ) { arguments, context in
        let model = arguments[net].model
        let data = arguments[scored].dataset
        let loss = arguments.loss(for: data)
        try arguments[net].checkTakes(data, argument: scored.label)
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
        summary: "The model's prediction for each sample: probabilities for a classifier (as "
          + "Keras gives them), else its outputs.",
        parameters: [predictor, points],
        example: """
          data = moons(n: 100, seed: 1)
          net = mlp(inputs: 2, hidden: [8], outputs: 1, seed: 1)
          run = fit(net, data, loss: bce, epochs: 5, seed: 1)
          predict(net, [[0, 0], [1, 0.5]])
          """
      ) { arguments, _ in
        let object = arguments[predictor]
        let (input, task) = try features(arguments[points], argument: points.label, model: object)
        let outputs = try libraryCall(argument: "data") { try object.model.predict(input) }
        let loss = object.trainingLoss ?? task.map(RunRecording.defaultLoss(for:))
        return .list(
          (0..<outputs.rows).map { row in
            prediction((0..<outputs.columns).map { Double(outputs[row, $0]) }, loss: loss)
          })
      },
    ] + Metric.allCases.filter { ![.mae, .mse].contains($0) }.map(metricBuiltin)
  }

  /// A built-in computing `metric` of a model on a dataset: `accuracy(net, data)`.
  private static func metricBuiltin(_ metric: Metric) -> Builtin {
    let name = metric == .auc ? "roc_auc" : metric.rawValue
    let summaries: [Metric: String] = [
      .accuracy: "The fraction of samples classified correctly (one output: class 1 when its "
        + "probability is above 0.5; several: the most probable class).",
      .precision: "Of the samples predicted positive, the fraction that are (averaged over "
        + "classes when there are several).",
      .recall: "Of the positive samples, the fraction found (averaged over classes when there "
        + "are several).",
      .f1: "The harmonic mean of precision and recall.",
      .auc: "The area under the ROC curve: how well scores rank positives above negatives.",
      .rmse: "The root mean squared error of a regression model.",
      .r2: "The coefficient of determination R² of a regression model (1 is perfect).",
    ]
    let net = Declared<ModelObject>.object("model", "model", "The model.")
    let scored = Declared<DatasetObject>.object("data", "dataset", "The data to score it on.")
    let decided = [.accuracy, .precision, .recall, .f1].contains(metric)
    return Builtin(
      name, topic: .evaluation, summary: summaries[metric] ?? name,
      parameters: decided ? [net, scored, Declared<Double?>.threshold] : [net, scored],
      example: metric == .rmse || metric == .r2
        ? "data = polynomial(n: 50, seed: 1)\n\(name)(mlp(inputs: 1, seed: 1), data)"
        : "data = moons(n: 100, seed: 1)\n\(name)(mlp(inputs: 2, seed: 1), data)"
    ) { arguments, _ in
      let (object, data) = (arguments[net], arguments[scored].dataset)
      try object.checkTakes(data, argument: scored.label)
      let model = object.model
      let threshold = decided ? arguments[.threshold] : nil
      return .number(
        try libraryCall(argument: threshold == nil ? nil : "threshold") {
          try metric.value(model: model, data: data, threshold: threshold)
        })
    }
  }

  /// One sample's prediction from the model's outputs: after `bce`, the sigmoid of each output
  /// (the probability of class 1); after `cross_entropy`, the softmax of the outputs (one
  /// probability per class, summing to 1); otherwise the outputs. One value is a number, several
  /// a list.
  static func prediction(_ outputs: [Double], loss: Loss?) -> Value {
    func numbers(_ values: [Double]) -> Value {
      values.count == 1 ? .number(values[0]) : .list(values.map { .number($0) })
    }
    switch loss {
    case .binaryCrossEntropy?:
      return numbers(outputs.map { 1 / (1 + exp(-$0)) })
    case .crossEntropy?:
      let largest = outputs.max() ?? 0
      let exponentials = outputs.map { exp($0 - largest) }
      let total = exponentials.reduce(0, +)
      return .list(exponentials.map { .number($0 / total) })
    default:
      return numbers(outputs)
    }
  }

  /// The features of a dataset or list of points given as the argument `label`, checked
  /// against the model.
  static func features(
    _ value: Value, argument label: String, model object: ModelObject
  ) throws -> (Matrix, Task?) {
    let model = object.model
    if case .host(let dataset as DatasetObject) = value {
      let data = dataset.dataset
      try object.checkTakes(data, argument: label)
      return (
        Matrix(rows: data.count, columns: data.featureCount, values: data.features), data.task
      )
    }
    var values: [Float] = []
    guard case .list(let points) = value else { preconditionFailure("`\(label)` is not a list") }
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
