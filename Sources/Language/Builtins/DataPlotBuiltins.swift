import Charts
import Datasets
import Learning

/// Charts of data and models: `scatter(data)`, `boundary(net, data)`, `confusion(net, data)`;
/// `plot(data)` and `plot(net, data)` reach the same charts through `plotDataOrModel`.
extension Builtin {
  static var dataPlots: [Builtin] {
    let drawn = Declared<DatasetObject>.object("data", "dataset", "The data to draw.")
    let classifier = Declared<ModelObject>.object("model", "model", "A model with 2 inputs.")
    let points = Declared<DatasetObject>.object("data", "dataset", "The points to draw on it.")
    let counted = Declared<ModelObject>.object("model", "model", "A classifier.")
    let labelled = Declared<DatasetObject>.object(
      "data", "dataset", "Data with classes to predict.")
    let normalize = Declared.bool(
      "normalize", default: false, "Show each row as percentages of its class.")
    return [
      Builtin(
        "scatter", topic: .plotting,
        summary: "Draws a dataset's points: two features coloured by class, or a one-feature "
          + "regression's targets.",
        parameters: [drawn, chartFile], example: "scatter(moons(n: 200, noise: 0.2, seed: 1))"
      ) { arguments, context in
        try draw(
          arguments[drawn].dataset, model: nil, to: arguments[chartFile], context: context)
      },
      Builtin(
        "boundary", topic: .plotting,
        summary: "Draws what a 2-feature classifier predicts over the plane, with the data "
          + "points on top.",
        parameters: [classifier, points, chartFile],
        example: "boundary(mlp(inputs: 2, hidden: [8], seed: 1), moons(n: 100, seed: 1))"
      ) { arguments, context in
        try draw(
          arguments[points].dataset, model: arguments[classifier], to: arguments[chartFile],
          context: context)
      },
      Builtin(
        "confusion", topic: .evaluation,
        summary: "Counts, for each true class, how often the model predicted each class; "
          + "returns the counts.",
        parameters: [counted, labelled, normalize, Declared<Double?>.threshold, chartFile],
        example: "counts = confusion(mlp(inputs: 4, outputs: 3, seed: 1), load(\"iris\"))"
      ) { arguments, context in
        let model = arguments[counted].model
        let dataset = arguments[labelled].dataset
        guard dataset.task != .regression else {
          throw CallError(
            "a confusion matrix needs classes; this data is a regression task",
            hint: "evaluate a regression model with evaluate(net, data)", argument: "data")
        }
        try arguments[counted].checkTakes(dataset, argument: labelled.label)
        let classes = dataset.task.classCount
        guard model.outputFeatures == classes || (model.outputFeatures == 1 && classes == 2) else {
          throw CallError(
            "this model gives \(model.outputFeatures) outputs but the data has \(classes) classes",
            hint: classes == 2
              ? "a binary classifier has 1 output (or 2)" : "give the model outputs: \(classes)",
            argument: "model")
        }
        let predicted =
          if let threshold = arguments[.threshold] {
            try classPredictions(arguments[counted], dataset, threshold: threshold).predicted
          } else {
            try DataCharts.predictions(of: model, on: dataset)
          }
        let counts = try libraryCall {
          try Metrics.confusionMatrix(
            predicted: predicted, expected: dataset.classLabels, classCount: classes)
        }
        let chart = ConfusionMatrixChart(
          title: "confusion matrix: \(dataset.name)", counts: counts,
          classNames: DataCharts.className(dataset), normalized: arguments[normalize])
        try emit(svg: chart.svg(), to: arguments[chartFile], context: context) {
          chart.render(color: $0)
        }
        return .list(counts.map { .list($0.map { .number(Double($0)) }) })
      },
    ]
  }

  /// The `to:` parameter of charts: a file path, or none.
  static var chartFile: Declared<Value> {
    .value(
      "to", .either(.string, .none), default: Value.none,
      "A file to write the chart to as SVG, e.g. \"chart.svg\"; none for the terminal only.")
  }

  /// Draws `dataset` (with `model`'s predictions under it) and returns none.
  static func draw(
    _ dataset: Dataset, model: ModelObject?, to file: Value, context: CallContext
  ) throws -> Value {
    let chart = try DataCharts.chart(of: dataset, model: model)
    try emit(svg: chart.svg(), to: file, context: context) {
      chart.render(width: 64, height: 26, color: $0)
    }
    return .none
  }

  /// Emits a chart drawn by `render` (with or without colour, see `Session.emitChart`) and, when
  /// `file` is a path, writes its SVG there atomically.
  static func emit(
    svg: String, to file: Value, context: CallContext, rendering render: (_ color: Bool) -> String
  ) throws {
    if case .string(let path) = file {
      try context.write(Array(svg.utf8), to: path, argument: "to")
    }
    context.session.emitChart(svg: svg, rendering: render)
  }
}

/// `plot(data)` and `plot(net, data)` for the `plot` built-in: draws when `what` is a dataset (a
/// scatter) or a model (its decision boundary on `data`, written also to `file` when that is a
/// path) and returns none; returns nil (nothing drawn) for anything else.
public func plotDataOrModel(
  _ what: Value, data: Value, to file: Value, context: CallContext
) throws -> Value? {
  switch what {
  case .host(let data as DatasetObject):
    return try Builtin.draw(data.dataset, model: nil, to: file, context: context)
  case .host(let model as ModelObject):
    guard case .host(let data as DatasetObject) = data else {
      throw CallError(
        "to plot a model, give the data to draw it on", hint: "plot(net, data)",
        argument: "what")
    }
    return try Builtin.draw(data.dataset, model: model, to: file, context: context)
  default:
    return nil
  }
}
