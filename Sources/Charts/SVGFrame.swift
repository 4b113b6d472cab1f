/// A small picture in an SVG legend, drawn before the entry's name.
package enum SVGSample: Sendable {
  /// A short line in a colour, dashed or not.
  case line(ChartColor, LineStyle)
  /// A point's mark.
  case mark(MarkShape, ChartColor)
  /// A filled square showing a region's colour.
  case swatch(ChartColor)
}

/// The frame of an SVG chart around its plot area: title, axes with ticks and grid lines, axis
/// names, a legend row and notes below.
package struct SVGFrame: Sendable {
  /// The picture's size in pixels.
  package let width, height: Int
  /// The chart's heading and axis names; empty for none.
  package let title, xLabel, yLabel: String
  /// Legend entries: samples and a name.
  package let legend: [(samples: [SVGSample], label: String)]
  /// Notes printed in small grey text at the bottom.
  package let notes: [String]

  /// A frame for a picture `width` × `height` pixels (at least 120 × 120).
  package init(
    width: Int, height: Int, title: String, xLabel: String, yLabel: String,
    legend: [(samples: [SVGSample], label: String)], notes: [String]
  ) {
    self.width = max(width, 120)
    self.height = max(height, 120)
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.legend = legend
    self.notes = notes
  }

  /// Estimated width of one character of 12-pixel text.
  private static let characterWidth = 7.0

  /// The plot's rectangle (left, top, width, height) beside y tick labels of `labelCharacters`.
  package func plotArea(labelCharacters: Int) -> (
    x: Double, y: Double, width: Double, height: Double
  ) {
    let left = 14 + (yLabel.isEmpty ? 0 : 20) + Double(labelCharacters) * Self.characterWidth + 8
    let top = 14 + (title.isEmpty ? 0.0 : 28)
    let bottom =
      10 + 20 + (xLabel.isEmpty ? 0.0 : 20) + (legend.isEmpty ? 0 : 26) + Double(notes.count) * 16
    let right = 24.0
    return (
      left, top, max(20, Double(width) - left - right), max(20, Double(height) - top - bottom)
    )
  }

  /// The picture: `drawPlot` draws the data inside the area computed by `plotArea`, then the frame
  /// adds grid lines and ticks at `xTicks` and `yTicks` (fractions 0...1 along each axis).
  package func render(
    xTicks: [(fraction: Double, label: String)], yTicks: [(fraction: Double, label: String)],
    drawPlot: (inout SVGDocument, (x: Double, y: Double, width: Double, height: Double)) -> Void
  ) -> String {
    var document = SVGDocument(width: width, height: height)
    let area = plotArea(labelCharacters: yTicks.map(\.label.count).max() ?? 0)
    let bottom = area.y + area.height
    document.rect(x: area.x, y: area.y, width: area.width, height: area.height, fill: .white)
    for tick in xTicks {
      let x = area.x + tick.fraction * area.width
      document.line(from: (x, area.y), to: (x, bottom), stroke: .grid)
    }
    for tick in yTicks {
      let y = bottom - tick.fraction * area.height
      document.line(from: (area.x, y), to: (area.x + area.width, y), stroke: .grid)
    }
    drawPlot(&document, area)
    document.line(from: (area.x, area.y), to: (area.x, bottom), stroke: .axis)
    document.line(from: (area.x, bottom), to: (area.x + area.width, bottom), stroke: .axis)
    for tick in xTicks {
      let x = area.x + tick.fraction * area.width
      document.line(from: (x, bottom), to: (x, bottom + 5), stroke: .axis)
      document.text(tick.label, x: x, y: bottom + 19, anchor: "middle")
    }
    for tick in yTicks {
      let y = bottom - tick.fraction * area.height
      document.line(from: (area.x - 5, y), to: (area.x, y), stroke: .axis)
      document.text(tick.label, x: area.x - 8, y: y + 4, anchor: "end")
    }
    if !title.isEmpty {
      document.text(
        title, x: area.x + area.width / 2, y: 30, size: 15, anchor: "middle", bold: true)
    }
    if !yLabel.isEmpty {
      document.text(
        yLabel, x: 20, y: area.y + area.height / 2, size: 13, anchor: "middle",
        rotated: true)
    }
    var line = bottom + 30
    if !xLabel.isEmpty {
      line += 20
      document.text(xLabel, x: area.x + area.width / 2, y: line - 6, size: 13, anchor: "middle")
    }
    if !legend.isEmpty {
      line += 26
      drawLegend(into: &document, x: area.x, y: line - 8)
    }
    for note in notes {
      line += 16
      document.text(note, x: 14, y: line - 4, size: 11, fill: .axis)
    }
    return document.rendered
  }

  private func drawLegend(into document: inout SVGDocument, x start: Double, y: Double) {
    var x = start
    for entry in legend {
      for sample in entry.samples {
        switch sample {
        case .line(let color, let style):
          document.polyline(
            [(x, y - 4), (x + 22, y - 4)], stroke: color, width: 2.5, dashes: style.dashArray)
          x += 26
        case .mark(let shape, let color):
          shape.draw(into: &document, center: (x + 5, y - 4), size: 9, fill: color, stroke: nil)
          x += 14
        case .swatch(let color):
          document.rect(x: x, y: y - 10, width: 12, height: 12, fill: color, stroke: .axis)
          x += 16
        }
      }
      document.text(entry.label, x: x, y: y)
      x += Double(entry.label.count) * Self.characterWidth + 18
    }
  }
}
