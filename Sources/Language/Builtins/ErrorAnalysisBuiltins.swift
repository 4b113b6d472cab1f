import Charts
import Datasets
import Learning

/// Error analysis: `mistakes(net, data)` shows the samples a classifier got wrong (or right),
/// as small images, as marked points on a scatter, or as a table; `pr_curve(net, data)` draws a
/// binary classifier's precision against its recall at every threshold.
extension Builtin {
  static var errorAnalysis: [Builtin] {
    let net = Declared<ModelObject>.object("model", "model", "A classifier.")
    let scored = Declared<DatasetObject>.object(
      "data", "dataset", "Data with classes, such as the validation part.")
    let which = Declared.choice(
      "which", "selection", ["wrong", "right", "all"], default: "wrong",
      "Which samples: those the model got wrong (most confident first), right (least "
        + "confident first), or all (in order).")
    let actual = Declared.integerOrNone(
      "true_class", "Only samples of this true class.")
    let guessed = Declared.integerOrNone("predicted", "Only samples predicted as this class.")
    let limit = Declared.integer(
      "limit", default: 12, "How many samples to draw at most; 0 draws none (only counts)."
    )
    .valid(.from(0, to: 200))
    return [
      Builtin(
        "mistakes", topic: .evaluation,
        summary: "Shows the samples a classifier got wrong, with their true and predicted "
          + "class and its confidence: digits as small images, 2-D points marked on a scatter, "
          + "other data as a table. Returns them (count, indices, true_class, predicted, "
          + "confidence).",
        parameters: [
          net, scored, which, actual, guessed, Declared<Double?>.threshold, limit, chartFile,
        ],
        example: """
          data = moons(n: 100, noise: 0.3, seed: 1)
          net = mlp(inputs: 2, hidden: [8], outputs: 1, seed: 1)
          run = fit(net, data, loss: bce, epochs: 5, seed: 1)
          wrong = mistakes(net, data)
          """
      ) { arguments, context in
        let data = arguments[scored].dataset
        let predictions = try classPredictions(
          arguments[net], data, threshold: arguments[.threshold])
        var chosen = data.targets.indices.filter { index in
          let right = predictions.truth[index] == predictions.predicted[index]
          switch arguments[which] {
          case "wrong": return !right
          case "right": return right
          default: return true
          }
        }
        if let wanted = arguments[actual] {
          chosen = chosen.filter { predictions.truth[$0] == wanted }
        }
        if let wanted = arguments[guessed] {
          chosen = chosen.filter { predictions.predicted[$0] == wanted }
        }
        switch arguments[which] {
        case "wrong": chosen.sort { predictions.confidence[$0] > predictions.confidence[$1] }
        case "right": chosen.sort { predictions.confidence[$0] < predictions.confidence[$1] }
        default: break
        }
        let shown = SampleSelection(
          data: data, predictions: predictions, chosen: chosen, which: arguments[which],
          limit: arguments[limit])
        if arguments[limit] > 0 {
          try emit(svg: shown.svg, to: arguments[chartFile], context: context) {
            shown.render(color: $0)
          }
        } else if case .string = arguments[chartFile] {
          throw CallError(
            "`limit: 0` draws nothing, so there is nothing to write", argument: "to")
        }
        return .host(shown.record)
      },
      Builtin(
        "pr_curve", topic: .evaluation,
        summary: "Draws a binary classifier's precision against its recall as its threshold "
          + "moves; returns the curve (precision, recall, thresholds, average_precision).",
        parameters: [net, scored, chartFile],
        example: """
          data = moons(n: 100, noise: 0.3, seed: 1)
          net = mlp(inputs: 2, hidden: [8], outputs: 1, seed: 1)
          run = fit(net, data, loss: bce, epochs: 5, seed: 1)
          curve = pr_curve(net, data)
          """
      ) { arguments, context in
        let data = arguments[scored].dataset
        let predictions = try classPredictions(arguments[net], data, threshold: nil)
        guard let scores = predictions.positiveScores else {
          throw CallError(
            "a precision-recall curve is drawn for a binary classifier; this one predicts "
              + "\(data.task.classCount) classes",
            hint: "keep_classes(data, [a, b]) makes a two-class problem", argument: "model")
        }
        let curve = try libraryCall {
          try Metrics.precisionRecallCurve(scores: scores, labels: predictions.truth)
        }
        let average = Metrics.averagePrecision(of: curve)
        let chart = LineChart(
          title: "precision-recall: \(data.name)", xLabel: "recall", yLabel: "precision",
          series: [Series(name: "model", x: curve.recalls, y: curve.precisions)],
          yRange: 0...1)
        try emit(svg: chart.svg(), to: arguments[chartFile], context: context) {
          chart.render(width: 64, height: 18, color: $0)
        }
        let numbers = { (values: [Double]) in Value.list(values.map { .number($0) }) }
        return .host(
          RecordObject(
            typeName: "curve",
            summary: "precision-recall curve, average precision "
              + NumberFormat.format(average),
            fields: [
              ("precision", numbers(curve.precisions)), ("recall", numbers(curve.recalls)),
              ("thresholds", numbers(curve.thresholds)), ("average_precision", .number(average)),
            ]))
      },
    ]
  }

  /// The predictions of a classifier on classification data, at `threshold` for a binary one.
  static func classPredictions(
    _ object: ModelObject, _ data: Dataset, threshold: Double?
  ) throws -> ClassPredictions {
    guard data.task != .regression else {
      throw CallError(
        "this looks at classes; this data is a regression task",
        hint: "evaluate a regression model with evaluate(net, data) or plot(net, data)",
        argument: "data")
    }
    try object.checkTakes(data, argument: "data")
    let classes = data.task.classCount
    let outputs = object.model.outputFeatures
    guard outputs == classes || (outputs == 1 && classes == 2) else {
      throw CallError(
        "this model gives \(outputs) outputs but the data has \(classes) classes",
        hint: classes == 2
          ? "a binary classifier has 1 output (or 2)" : "give the model outputs: \(classes)",
        argument: "model")
    }
    return try libraryCall(argument: "threshold") {
      try ClassPredictions(model: object.model, data: data, threshold: threshold)
    }
  }
}

extension Declared where Wrapped == Double? {
  /// `threshold:`, a binary classifier's decision threshold: class 1 when its probability is
  /// above it; none decides as `predict` does (above 0.5).
  static var threshold: Declared {
    numberOrNone(
      "threshold",
      "A binary classifier predicts class 1 when its probability is above this (none: 0.5); "
        + "refused for more classes."
    ).valid(.from(0, to: 1))
  }
}
