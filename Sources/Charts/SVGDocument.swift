/// A standalone SVG picture built element by element: no scripts, no external fonts or images.
package struct SVGDocument: Sendable {
  /// The picture's size in pixels.
  package let width, height: Int
  private var elements: [String] = []

  /// Fonts tried in order; every system has the generic family at the end.
  package static let fontFamily =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', Helvetica, Arial, sans-serif"

  /// An empty white picture of `width` × `height` pixels.
  package init(width: Int, height: Int) {
    self.width = max(width, 1)
    self.height = max(height, 1)
    rect(x: 0, y: 0, width: Double(self.width), height: Double(self.height), fill: .white)
  }

  /// `text` made safe inside XML text and attribute values: `&`, `<`, `>`, quotes escaped, and
  /// control characters XML 1.0 forbids replaced by spaces.
  package static func escaped(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&apos;"
      case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
      case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
        result += " "
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// A coordinate with at most two decimals.
  package static func number(_ value: Double) -> String {
    NumberText.trimmingZeros(NumberText.fixed(value, decimals: 2))
  }

  /// Appends a raw element; its text must already be escaped.
  package mutating func add(_ element: String) { elements.append(element) }

  /// A filled rectangle, optionally outlined.
  package mutating func rect(
    x: Double, y: Double, width: Double, height: Double, fill: ChartColor,
    stroke: ChartColor? = nil, extra: String = ""
  ) {
    let outline = stroke.map { " stroke=\"\($0.hexText)\"" } ?? ""
    add(
      "<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(width))\" "
        + "height=\"\(Self.number(height))\" fill=\"\(fill.hexText)\"\(outline)\(extra)/>")
  }

  /// A straight line.
  package mutating func line(
    from a: Segment.Point, to b: Segment.Point, stroke: ChartColor, width: Double = 1
  ) {
    add(
      "<line x1=\"\(Self.number(a.x))\" y1=\"\(Self.number(a.y))\" x2=\"\(Self.number(b.x))\" "
        + "y2=\"\(Self.number(b.y))\" stroke=\"\(stroke.hexText)\" "
        + "stroke-width=\"\(Self.number(width))\"/>"
    )
  }

  /// A line through `points`, unfilled.
  package mutating func polyline(
    _ points: [Segment.Point], stroke: ChartColor, width: Double, dashes: String?
  ) {
    let list = points.map { "\(Self.number($0.x)),\(Self.number($0.y))" }.joined(separator: " ")
    let dash = dashes.map { " stroke-dasharray=\"\($0)\"" } ?? ""
    add(
      "<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(stroke.hexText)\" "
        + "stroke-width=\"\(Self.number(width))\" stroke-linejoin=\"round\""
        + " stroke-linecap=\"round\"\(dash)/>")
  }

  /// A filled circle.
  package mutating func circle(
    center: Segment.Point, radius: Double, fill: ChartColor, stroke: ChartColor? = nil
  ) {
    let outline = stroke.map { " stroke=\"\($0.hexText)\" stroke-width=\"1\"" } ?? ""
    add(
      "<circle cx=\"\(Self.number(center.x))\" cy=\"\(Self.number(center.y))\" "
        + "r=\"\(Self.number(radius))\" fill=\"\(fill.hexText)\"\(outline)/>")
  }

  /// A filled polygon through `points`, its fill `opacity` from 0 (clear) to 1.
  package mutating func polygon(
    _ points: [Segment.Point], fill: ChartColor, stroke: ChartColor?, opacity: Double = 1
  ) {
    let list = points.map { "\(Self.number($0.x)),\(Self.number($0.y))" }.joined(separator: " ")
    let outline = stroke.map { " stroke=\"\($0.hexText)\" stroke-width=\"1\"" } ?? ""
    let clear = opacity < 1 ? " fill-opacity=\"\(Self.number(opacity))\"" : ""
    add("<polygon points=\"\(list)\" fill=\"\(fill.hexText)\"\(clear)\(outline)/>")
  }

  /// Text placed at (`x`, `y`) (its baseline), anchored at its start, middle or end.
  package mutating func text(
    _ content: String, x: Double, y: Double, size: Double = 12, anchor: String = "start",
    fill: ChartColor = .ink, bold: Bool = false, rotated: Bool = false
  ) {
    let weight = bold ? " font-weight=\"bold\"" : ""
    let turn =
      rotated ? " transform=\"rotate(-90 \(Self.number(x)) \(Self.number(y)))\"" : ""
    add(
      "<text x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" font-size=\"\(Self.number(size))\" "
        + "text-anchor=\"\(anchor)\" fill=\"\(fill.hexText)\"\(weight)\(turn)>"
        + Self.escaped(content) + "</text>")
  }

  /// The finished document, with its XML declaration.
  package var rendered: String {
    let open =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
      + "viewBox=\"0 0 \(width) \(height)\" font-family=\"\(Self.fontFamily)\">"
    return
      (["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", open] + elements.map { "  " + $0 }
      + ["</svg>"]).joined(separator: "\n") + "\n"
  }
}
