import Charts
import Datasets
import Foundation
import Learning

/// Charts of data and of what a model makes of it: scatter plots, decision boundaries over the
/// plane (TensorFlow Playground in the terminal), a regression model's curve, confusion matrices.
enum DataCharts {
  /// The number of grid cells across and up at which a decision boundary evaluates the model.
  static let gridSize = 96

  /// A scatter of `dataset`'s first two features coloured by class, or of a one-feature
  /// regression dataset's targets against its feature; with `model`, its decision boundary (or
  /// its curve for regression) underneath. Without a model the background is one plain region
  /// (class 0's, blank without colour), as Charts has no scatter of its own.
  static func chart(of dataset: Dataset, model object: ModelObject? = nil) throws
    -> DecisionBoundary
  {
    try object?.checkTakes(dataset, argument: "data")
    let model = object?.model
    if dataset.task == .regression {
      guard dataset.featureCount == 1 else {
        throw CallError(
          "a chart of regression data needs 1 feature; this data has \(dataset.featureCount)",
          hint: "plot(data) draws one-feature regression data and two-feature classes",
          argument: "data")
      }
      return try curve(dataset, model: model)
    }
    guard dataset.featureCount >= 2, model == nil || dataset.featureCount == 2 else {
      throw CallError(
        "a decision boundary needs data with 2 features; this data has \(dataset.featureCount)",
        hint: "confusion(net, data) shows how a model does on data of any size",
        argument: "data")
    }
    let points = (0..<dataset.count).map { row in
      LabeledPoint(
        x: Double(dataset.features[row * dataset.featureCount]),
        y: Double(dataset.features[row * dataset.featureCount + 1]),
        label: Int(exactly: dataset.targets[row]) ?? -1)
    }
    let (xRange, yRange) = paddedRanges(points.map(\.x), points.map(\.y))
    let values = try model.map { try boundary(of: $0, xRange: xRange, yRange: yRange) }
    let more = dataset.featureCount > 2 ? " (first 2 of \(dataset.featureCount) features)" : ""
    return DecisionBoundary(
      title: (model == nil ? "" : "decision boundary: ") + dataset.name + more,
      xLabel: dataset.featureNames[0], yLabel: dataset.featureNames[1],
      xRange: xRange, yRange: yRange, values: values ?? .classes([]), points: points,
      classNames: className(dataset))
  }

  /// A one-feature regression dataset as points (class "data") and, with a model, the model's
  /// predictions along x as a second class of points ("model").
  private static func curve(_ dataset: Dataset, model: Sequential?) throws -> DecisionBoundary {
    var points = (0..<dataset.count).map { row in
      LabeledPoint(x: Double(dataset.features[row]), y: Double(dataset.targets[row]), label: 0)
    }
    var (xRange, _) = paddedRanges(points.map(\.x), [])
    if let model {
      let xs = (0..<gridSize).map {
        xRange.lowerBound + (Double($0) + 0.5) / Double(gridSize)
          * (xRange.upperBound - xRange.lowerBound)
      }
      let output = try model.predict(
        Matrix(rows: xs.count, columns: 1, values: xs.map { Float($0) }))
      for (index, x) in xs.enumerated() {
        points.append(
          LabeledPoint(x: x, y: Double(output.values[index * output.columns]), label: 1))
      }
    }
    let finite = points.map(\.y).filter(\.isFinite)
    let yRange: ClosedRange<Double>
    (xRange, yRange) = paddedRanges(points.map(\.x), finite)
    return DecisionBoundary(
      title: (model == nil ? "" : "model and ") + dataset.name, xLabel: dataset.featureNames[0],
      yLabel: "target", xRange: xRange, yRange: yRange, values: .classes([]),
      points: points, classNames: model == nil ? ["data"] : ["data", "model"])
  }

  /// The model's predictions over a grid of the plane: the probability of class 1 for a model
  /// with one output (a sigmoid of it, unless the model ends in one), else the likeliest class.
  private static func boundary(
    of model: Sequential, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>
  ) throws -> BoundaryValues {
    let centers = DecisionBoundary.gridCenters(
      xRange: xRange, yRange: yRange, columns: gridSize, rows: gridSize)
    let input = Matrix(
      rows: centers.count, columns: 2, values: centers.flatMap { [Float($0.x), Float($0.y)] })
    let output = try model.predict(input)
    let rows = (0..<gridSize).map { row in (row * gridSize)..<((row + 1) * gridSize) }
    if output.columns == 1 {
      let probability = endsInSigmoid(model) ? { (x: Float) in Double(x) } : sigmoid
      return .probabilities(rows.map { $0.map { probability(output.values[$0]) } })
    }
    return .classes(rows.map { $0.map { predictedClass(output, row: $0) } })
  }

  /// The index of the largest output in `row` (-1 when an output is not a number).
  static func predictedClass(_ output: Matrix, row: Int) -> Int {
    let values = output.values[(row * output.columns)..<((row + 1) * output.columns)]
    guard values.allSatisfy({ !$0.isNaN }) else { return -1 }
    return values.indices.max { values[$0] < values[$1] }.map { $0 - row * output.columns } ?? -1
  }

  /// Whether the model's last layer is a sigmoid, so its output is already a probability.
  static func endsInSigmoid(_ model: Sequential) -> Bool {
    (model.layers.last as? ActivationLayer)?.function == .sigmoid
  }

  /// The predicted class of every sample of `dataset`.
  static func predictions(of model: Sequential, on dataset: Dataset) throws -> [Int] {
    let output = try model.predict(
      Matrix(rows: dataset.count, columns: dataset.featureCount, values: dataset.features))
    guard output.columns == 1 else {
      return (0..<dataset.count).map { predictedClass(output, row: $0) }
    }
    let threshold: Float = endsInSigmoid(model) ? 0.5 : 0
    return output.values.map { $0.isNaN ? -1 : ($0 > threshold ? 1 : 0) }
  }

  private static func sigmoid(_ x: Float) -> Double { 1 / (1 + Foundation.exp(-Double(x))) }

  /// The names of the classes, falling back to their numbers.
  static func className(_ dataset: Dataset) -> [String] {
    (0..<dataset.task.classCount).map {
      $0 < dataset.classNames.count ? dataset.classNames[$0] : String($0)
    }
  }

  /// The ranges of `xs` and `ys` widened by a tenth on each side (finite values only).
  private static func paddedRanges(_ xs: [Double], _ ys: [Double])
    -> (ClosedRange<Double>, ClosedRange<Double>)
  {
    func padded(_ values: [Double]) -> ClosedRange<Double> {
      let finite = values.filter(\.isFinite)
      guard let low = finite.min(), let high = finite.max() else { return -1...1 }
      let margin = high > low ? (high - low) / 10 : 1
      return (low - margin)...(high + margin)
    }
    return (padded(xs), padded(ys))
  }
}
