/// How a series' line is drawn: solid, or broken into dashes or dots so that lines stay apart
/// without colour.
public enum LineStyle: Sendable, Equatable, CaseIterable {
  /// An unbroken line.
  case solid
  /// Four dots on, two off.
  case dashed
  /// One dot on, one off.
  case dotted

  /// Whether the `step`-th dot along the line is drawn.
  package func draws(step: Int) -> Bool {
    switch self {
    case .solid: true
    case .dashed: step % 6 < 4
    case .dotted: step % 2 == 0
    }
  }

  /// The SVG `stroke-dasharray` for this style, in pixels, or nil for a solid line.
  package var dashArray: String? {
    switch self {
    case .solid: nil
    case .dashed: "7 4"
    case .dotted: "2 3"
    }
  }
}
