import Charts
import Datasets
import Foundation
import Learning

/// The samples `mistakes` picked, and how they are shown: images when every sample is a square
/// image (the 8×8 digits, 28×28 MNIST), the plane with the picked points marked when the data
/// has two features, otherwise a table; each with its true class, predicted class and the
/// model's confidence.
struct SampleSelection {
  let data: Dataset
  let predictions: ClassPredictions
  /// The picked samples' indices, in the order shown.
  let chosen: [Int]
  /// `wrong`, `right` or `all`.
  let which: String
  /// How many are drawn at most.
  let limit: Int

  /// The side of a square image sample, or nil when the samples are not images.
  private var imageSide: Int? {
    let side = Int(Double(data.featureCount).squareRoot().rounded())
    return side >= 4 && side * side == data.featureCount ? side : nil
  }

  /// The drawn samples.
  private var drawn: ArraySlice<Int> { chosen.prefix(limit) }

  /// A class's name as the dataset gives it.
  private func name(_ label: Int) -> String {
    label >= 0 && label < data.classNames.count ? data.classNames[label] : String(label)
  }

  /// "12 misclassified of 360 samples (digits), most confident first".
  var headline: String {
    let kind = ["wrong": "misclassified", "right": "classified correctly"][which] ?? "picked"
    let order =
      ["wrong": ", most confident first", "right": ", least confident first"][which] ?? ""
    let shown = chosen.count > limit && limit > 0 ? "; showing \(limit)" : ""
    return "\(chosen.count) \(kind) of \(data.count) samples (\(data.name))\(order)\(shown)"
  }

  /// Percent text of a confidence: `91%`.
  private func percent(_ value: Double) -> String {
    value.isFinite ? "\(Int((value * 100).rounded()))%" : "?"
  }

  /// The chart in the terminal.
  func render(color: Bool) -> String {
    if let gallery { return gallery.render(width: 80) }
    if let plane { return plane.render(width: 64, height: 26, color: color) }
    return table
  }

  /// The chart as SVG; a table is written as lines of text.
  var svg: String {
    if let gallery { return gallery.svg() }
    if let plane { return plane.svg() }
    let lines = table.split(separator: "\n").dropFirst().joined(separator: "\n")
    return SampleGallery(title: headline, side: 8, tiles: [], note: lines).svg()
  }

  /// The images with their captions, when the samples are square images.
  private var gallery: SampleGallery? {
    guard let side = imageSide else { return nil }
    let low = Double(data.features.min() ?? 0)
    let high = Double(data.features.max() ?? 1)
    let span = high > low ? high - low : 1
    let tiles = drawn.map { index in
      let row = data.features[(index * side * side)..<((index + 1) * side * side)]
      return SampleGallery.Tile(
        pixels: row.map { (Double($0) - low) / span },
        caption: [
          "#\(index) \(percent(predictions.confidence[index]))",
          "\(name(predictions.truth[index])) → \(name(predictions.predicted[index]))",
        ])
    }
    return SampleGallery(
      title: headline, side: side, tiles: tiles,
      note: "under each: sample number, confidence, true class → predicted class")
  }

  /// The plane with every sample drawn by class and the picked ones marked, for 2-D data.
  private var plane: DecisionBoundary? {
    guard data.featureCount == 2, var chart = try? DataCharts.chart(of: data) else { return nil }
    let picked = Set(drawn)
    let marked = data.task.classCount
    // The marked points are drawn last, on top of the others.
    chart.points =
      chart.points.indices.filter { !picked.contains($0) }.map { chart.points[$0] }
      + drawn.map { LabeledPoint(x: chart.points[$0].x, y: chart.points[$0].y, label: marked) }
    chart.classNames.append(which == "right" ? "picked" : "misclassified")
    chart.title = "\(chart.classNames.last ?? ""): \(drawn.count) of \(data.count) (\(data.name))"
    return chart
  }

  /// A table of the picked samples, for data that is neither images nor 2-D.
  private var table: String {
    let rows = drawn.map { index in
      "  #\(index)".padding(toLength: 9, withPad: " ", startingAt: 0)
        + name(predictions.truth[index]).padding(toLength: 14, withPad: " ", startingAt: 0)
        + name(predictions.predicted[index]).padding(toLength: 14, withPad: " ", startingAt: 0)
        + percent(predictions.confidence[index])
    }
    return ([headline, "  sample   true          predicted     confidence"] + rows)
      .joined(separator: "\n")
  }

  /// What `mistakes` returns: every picked sample (not only the drawn ones).
  var record: RecordObject {
    func list(_ values: [Double]) -> Value { .list(values.map { .number($0) }) }
    let indices = chosen.map { Value.number(Double($0)) }
    return RecordObject(
      typeName: "samples", summary: headline,
      fields: [
        ("count", .number(Double(chosen.count))), ("indices", .list(indices)),
        ("true_class", list(chosen.map { Double(predictions.truth[$0]) })),
        ("predicted", list(chosen.map { Double(predictions.predicted[$0]) })),
        ("confidence", list(chosen.map { predictions.confidence[$0] })),
      ],
      elements: indices)
  }
}
