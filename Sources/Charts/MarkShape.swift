/// The shape of a data point's mark, one per class so that classes stay apart without colour.
public enum MarkShape: Sendable, Equatable, CaseIterable {
  /// A filled circle: `●`, or `o` in ASCII.
  case circle
  /// A triangle pointing up: `▲`, or `x` in ASCII.
  case triangle
  /// A filled square: `■`, or `#` in ASCII.
  case square
  /// A diamond: `◆`, or `@` in ASCII.
  case diamond
  /// A heavy plus: `✚`, or `+` in ASCII.
  case cross

  /// The shape of class `index`, cycling through all shapes.
  public static func at(_ index: Int) -> MarkShape { allCases[index % allCases.count] }

  /// The terminal character of the mark.
  package func character(_ glyphs: Glyphs) -> Character {
    switch (self, glyphs) {
    case (.circle, .unicode): "●"
    case (.triangle, .unicode): "▲"
    case (.square, .unicode): "■"
    case (.diamond, .unicode): "◆"
    case (.cross, .unicode): "✚"
    case (.circle, .ascii): "o"
    case (.triangle, .ascii): "x"
    case (.square, .ascii): "#"
    case (.diamond, .ascii): "@"
    case (.cross, .ascii): "+"
    }
  }

  /// Draws the mark centred on `center`, about `size` pixels across.
  package func draw(
    into document: inout SVGDocument, center: Segment.Point, size: Double, fill: ChartColor,
    stroke: ChartColor?
  ) {
    let r = size / 2
    let (x, y) = (center.x, center.y)
    switch self {
    case .circle:
      document.circle(center: center, radius: r, fill: fill, stroke: stroke)
    case .triangle:
      document.polygon(
        [(x, y - r * 1.15), (x + r * 1.1, y + r * 0.8), (x - r * 1.1, y + r * 0.8)], fill: fill,
        stroke: stroke)
    case .square:
      document.polygon(
        [
          (x - r * 0.9, y - r * 0.9), (x + r * 0.9, y - r * 0.9), (x + r * 0.9, y + r * 0.9),
          (x - r * 0.9, y + r * 0.9),
        ], fill: fill, stroke: stroke)
    case .diamond:
      document.polygon(
        [(x, y - r * 1.2), (x + r * 1.2, y), (x, y + r * 1.2), (x - r * 1.2, y)], fill: fill,
        stroke: stroke)
    case .cross:
      let (a, b) = (r * 1.1, r * 0.4)
      document.polygon(
        [
          (x - b, y - a), (x + b, y - a), (x + b, y - b), (x + a, y - b), (x + a, y + b),
          (x + b, y + b), (x + b, y + a), (x - b, y + a), (x - b, y + b), (x - a, y + b),
          (x - a, y - b), (x - b, y - b),
        ], fill: fill, stroke: stroke)
    }
  }
}
