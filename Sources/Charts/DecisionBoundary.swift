/// One data point of a 2-D classification problem: its position and its true class.
public struct LabeledPoint: Sendable, Equatable {
  /// The point's first and second feature.
  public var x, y: Double
  /// The point's class index, 0-based.
  public var label: Int

  /// A point at (`x`, `y`) of class `label`.
  public init(x: Double, y: Double, label: Int) {
    self.x = x
    self.y = y
    self.label = label
  }
}

/// The decision boundary of a 2-D classifier, TensorFlow Playground style: what the model
/// predicts over the plane as coloured background, with the data points on top, one mark shape
/// per class.
///
/// Evaluate the model at `DecisionBoundary.gridCenters(…)` and pass the predictions, row by row
/// from the bottom, as `values`.
public struct DecisionBoundary: Sendable {
  /// The heading above the chart; empty for none.
  public var title: String
  /// The names of the two features' axes.
  public var xLabel, yLabel: String
  /// The part of the plane shown; the grid of `values` covers it exactly.
  public var xRange, yRange: ClosedRange<Double>
  /// The model's predictions over a grid of the plane.
  public var values: BoundaryValues
  /// The data points drawn on top.
  public var points: [LabeledPoint]
  /// The classes' names in index order; missing ones are called "class 0", "class 1", ….
  public var classNames: [String]

  /// A decision boundary over `xRange` × `yRange`.
  public init(
    title: String = "", xLabel: String = "x1", yLabel: String = "x2",
    xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, values: BoundaryValues,
    points: [LabeledPoint] = [], classNames: [String] = []
  ) {
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.xRange = xRange
    self.yRange = yRange
    self.values = values
    self.points = points
    self.classNames = classNames
  }

  /// The centres of a `columns` × `rows` grid over the ranges, row by row from the bottom and left
  /// to right within a row: where to evaluate the model to fill `values`.
  public static func gridCenters(
    xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, columns: Int, rows: Int
  ) -> [(x: Double, y: Double)] {
    let width = xRange.upperBound - xRange.lowerBound
    let height = yRange.upperBound - yRange.lowerBound
    var centers: [(x: Double, y: Double)] = []
    for row in 0..<max(0, rows) {
      let y = yRange.lowerBound + (Double(row) + 0.5) / Double(rows) * height
      for column in 0..<max(0, columns) {
        centers.append((xRange.lowerBound + (Double(column) + 0.5) / Double(columns) * width, y))
      }
    }
    return centers
  }

  /// The number of classes named by the values, the points or `classNames`.
  var classCount: Int {
    max(values.classCount, classNames.count, (points.map(\.label).max() ?? -1) + 1)
  }

  /// The name of class `index`.
  func name(of index: Int) -> String {
    index < classNames.count ? classNames[index] : "class \(index)"
  }

  /// The axes' ranges, widened when one is a single value.
  var bounds: (x: (lower: Double, upper: Double), y: (lower: Double, upper: Double)) {
    func widened(_ range: ClosedRange<Double>) -> (lower: Double, upper: Double) {
      range.lowerBound < range.upperBound
        ? (range.lowerBound, range.upperBound) : (range.lowerBound - 1, range.upperBound + 1)
    }
    return (widened(xRange), widened(yRange))
  }

  /// The points inside the ranges, as fractions across and up, and a note if some were not.
  func placedPoints() -> (points: [(across: Double, up: Double, label: Int)], notes: [String]) {
    let (x, y) = bounds
    var placed: [(across: Double, up: Double, label: Int)] = []
    for point in points where point.label >= 0 {
      let across = (point.x - x.lower) / (x.upper - x.lower)
      let up = (point.y - y.lower) / (y.upper - y.lower)
      if (0...1).contains(across) && (0...1).contains(up) {
        placed.append((across, up, point.label))
      }
    }
    let missing = points.count - placed.count
    guard missing > 0 else { return (placed, []) }
    let note =
      missing == 1
      ? "1 point lies outside the plotted range or has no class"
      : "\(missing) points lie outside the plotted range or have no class"
    return (placed, ["note: \(note), left out"])
  }

  /// As many tick values inside an axis's range as fit along `rows` lines.
  func ticks(_ range: (lower: Double, upper: Double), rows: Int) -> AxisTicks {
    AxisTicks.fitting(
      lower: range.lower, upper: range.upper, scale: .linear, rows: rows, extending: false)
  }

  /// As many tick values inside an axis's range as fit along `columns` character columns.
  func ticks(_ range: (lower: Double, upper: Double), columns: Int) -> AxisTicks {
    AxisTicks.fitting(
      lower: range.lower, upper: range.upper, scale: .linear, columns: columns, extending: false)
  }
}
