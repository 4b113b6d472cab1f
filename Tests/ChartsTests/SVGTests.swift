import Charts
import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Reads an SVG document with Foundation's XML parser, keeping what the tests look at.
final class SVGReader: NSObject, XMLParserDelegate {
  private(set) var elements: [String] = []
  private(set) var texts: [String] = []
  private(set) var attributes: [[String: String]] = []
  private var currentText = ""

  /// Parses `document`; false if it is not well-formed XML.
  func read(_ document: String) -> Bool {
    let parser = XMLParser(data: Data(document.utf8))
    parser.delegate = self
    return parser.parse()
  }

  /// How many elements named `name` the document has.
  func count(_ name: String) -> Int { elements.filter { $0 == name }.count }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String] = [:]
  ) {
    elements.append(elementName)
    self.attributes.append(attributes)
    currentText = ""
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) { currentText += string }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName: String?
  ) {
    if elementName == "text" { texts.append(currentText) }
  }
}

@Suite struct SVGTests {
  let loss = LineChart(
    title: "Loss <train> & \"val\"", xLabel: "epoch", yLabel: "loss",
    series: [
      Series(name: "train", values: [1.0, 0.6, 0.4, 0.3, 0.25]),
      Series(name: "val\u{1}", values: [1.1, 0.7, .nan, 0.6, 0.7]),
    ])

  @Test func lineChartIsWellFormedWithEscapedText() {
    let reader = SVGReader()
    let svg = loss.svg()
    #expect(reader.read(svg))
    #expect(reader.elements.first == "svg")
    #expect(reader.attributes.first?["width"] == "640")
    #expect(reader.attributes.first?["xmlns"] == "http://www.w3.org/2000/svg")
    #expect(reader.texts.contains("Loss <train> & \"val\""))
    #expect(reader.texts.contains("val "))
    #expect(reader.texts.contains("epoch") && reader.texts.contains("loss"))
    #expect(["1", "2", "3", "4", "5", "0.2", "0.4", "1.2"].allSatisfy(reader.texts.contains))
    #expect(!reader.texts.contains("1.5"))
    #expect(reader.texts.contains("note: val : 1 point is NaN or infinite, left out (gaps)"))
    // train is one run, val is two (split by the NaN), and the legend has a short line each.
    #expect(reader.count("polyline") == 2 + 2 + 1)
    #expect(!svg.contains("href") && !svg.contains("<script") && !svg.contains("url("))
  }

  @Test func isolatedPointsAreCircles() {
    let chart = LineChart(series: [Series(name: "s", values: [1, .nan, 2, .nan, 3])])
    let reader = SVGReader()
    #expect(reader.read(chart.svg(width: 300, height: 200)))
    #expect(reader.count("circle") == 3)
    #expect(reader.count("polyline") == 1)
  }

  @Test func logAxisLabelsArePowersOfTen() {
    let chart = LineChart(
      series: [Series(name: "", x: [1e-5, 1e-3, 1e-1], y: [2, 1, 3])], xScale: .log)
    let reader = SVGReader()
    #expect(reader.read(chart.svg()))
    #expect(["1e-5", "1e-4", "0.001", "0.01", "0.1"].allSatisfy(reader.texts.contains))
  }

  @Test func emptyChartSaysSo() {
    let reader = SVGReader()
    #expect(reader.read(LineChart(series: []).svg()))
    #expect(reader.texts.contains("no series to plot"))
  }

  @Test func clippedLinesStayInsideThePlot() {
    let chart = LineChart(series: [Series(name: "s", values: [0.5, 5, 0.5])], yRange: 0...1)
    let reader = SVGReader()
    #expect(reader.read(chart.svg(width: 400, height: 300)))
    let ys = reader.attributes.compactMap { $0["points"] }.flatMap {
      $0.split(separator: " ").compactMap { Double($0.split(separator: ",")[1]) }
    }
    #expect(!ys.isEmpty && ys.allSatisfy { $0 >= 0 && $0 <= 300 })
  }

  @Test func decisionBoundaryMergesCellsAndMarksPoints() {
    let chart = DecisionBoundary(
      title: "Moons", xRange: 0...4, yRange: 0...2,
      values: .classes([[0, 0, 1, 1], [1, 1, 1, 1]]),
      points: [LabeledPoint(x: 1, y: 1, label: 0), LabeledPoint(x: 3, y: 1, label: 1)],
      classNames: ["a", "b"])
    let reader = SVGReader()
    #expect(reader.read(chart.svg()))
    let regionRects = reader.attributes.filter { $0["shape-rendering"] == "crispEdges" }
    #expect(regionRects.count == 3)
    #expect(reader.count("circle") == 2)  // the class-0 point and its legend mark
    #expect(reader.count("polygon") == 2)  // the class-1 triangle and its legend mark
    #expect(
      reader.texts.contains("Moons") && reader.texts.contains("a") && reader.texts.contains("b"))
  }

  @Test func probabilityBoundaryHasAScale() {
    let chart = DecisionBoundary(
      xRange: -1...1, yRange: -1...1, values: .probabilities([[0.1, 0.9]]))
    let reader = SVGReader()
    #expect(reader.read(chart.svg()))
    #expect(reader.texts.contains("p(class 1) from 0 to 1"))
  }

  @Test func confusionMatrixHasOneSquarePerCell() {
    let chart = ConfusionMatrixChart(
      counts: [[50, 0, 0], [0, 47, 3], [0, 2, 48]],
      classNames: ["setosa", "versi&color", "virginica"])
    let reader = SVGReader()
    #expect(reader.read(chart.svg()))
    #expect(reader.count("rect") == 1 + 9 + 3)  // background, cells, diagonal outlines
    #expect(reader.texts.contains("versi&color"))
    #expect(reader.texts.contains("accuracy 96.7% (145 of 150)"))
  }
}
