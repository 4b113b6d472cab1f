import Charts
import Foundation
import Testing

/// Charts draw all of what they show, and nothing they do not.
@Suite struct ChartsFitTheirContentTests {
  /// The number in `attribute="…"` of the first element that has it after `marker` in `svg`.
  func number(_ attribute: String, after marker: String = "<svg", in svg: String) -> Double? {
    guard let start = svg.range(of: marker) else { return nil }
    let rest = svg[start.lowerBound...]
    guard let found = rest.range(of: " \(attribute)=\"") else { return nil }
    return Double(rest[found.upperBound...].prefix { $0 != "\"" })
  }

  /// A bold sans-serif character is at most 0.6 of the font size wide.
  @Test func aTwoClassConfusionMatrixHasRoomForItsTitle() throws {
    let title = "confusion matrix: breast_cancer validation"
    for (counts, size) in [([[40, 3], [2, 69]], nil), ([[40, 3], [2, 69]], 240)]
      as [([[Int]], Int?)]
    {
      let chart = ConfusionMatrixChart(
        title: title, counts: counts, classNames: ["malignant", "benign"])
      let svg = chart.svg(width: size)
      let width = try #require(number("width", in: svg))
      let fontSize = try #require(number("font-size", after: "<text", in: svg))
      #expect(Double(title.count) * 0.6 * fontSize <= width - 10, "width \(width)")
      #expect(svg.contains(">\(title)</text>"))
    }
  }

  /// Points of a dataset without a model stand on white: no region is filled.
  @Test func aScatterFillsNoRegion() {
    let scatter = DecisionBoundary(
      title: "moons", xRange: 0...1, yRange: 0...1, values: .classes([]),
      points: [
        LabeledPoint(x: 0.2, y: 0.3, label: 0), LabeledPoint(x: 0.8, y: 0.7, label: 1),
      ])
    let svg = scatter.svg()
    for index in 0..<2 {
      #expect(
        !svg.contains(
          "fill=\"\(ChartColor.at(index).mixed(with: ChartColor(red: 255, green: 255, blue: 255), 0.6).hexText)\""
        ))
    }
    #expect(svg.contains("shape-rendering=\"crispEdges\"") == false)
    let text = scatter.render(width: 40, height: 12, color: true)
    #expect(!text.contains("48;5;"))
    let plain = scatter.render(width: 40, height: 12)
    #expect(plain.contains("●") && plain.contains("▲"))
    #expect(!plain.contains("?") && !plain.contains("░"))
  }
}
