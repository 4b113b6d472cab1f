/// The colours of a decision boundary's regions: dark in the terminal, so that bright marks stand
/// out on them, and light tints in SVG on white paper.
package enum RegionColors {
  /// Terminal region colours by class: dark relatives of `ChartColor.terminalPalette` that are
  /// exact xterm colours, so that no two of them collapse into one grey.
  private static let terminalClasses: [ChartColor] = [24, 94, 22, 88, 54, 23, 58, 90, 52, 238]
    .map(ChartColor.init(xterm:))

  /// Terminal colours for the probability of class 1 in seven bands, from class 0's blue through
  /// grey to class 1's orange, so that the bands read as contour lines.
  private static let terminalProbabilities: [ChartColor] = [25, 24, 60, 59, 95, 94, 130]
    .map(ChartColor.init(xterm:))

  /// The terminal background of `region`.
  package static func terminal(_ region: BoundaryValues.Region) -> ChartColor {
    switch region {
    case .predicted(let index): terminalClasses[index % terminalClasses.count]
    case .probability(let p):
      terminalProbabilities[
        min(terminalProbabilities.count - 1, Int(p * Double(terminalProbabilities.count)))]
    }
  }

  /// The SVG fill of `region`: a light tint of the class colour, or for probabilities one of ten
  /// bands from class 0's tint through white to class 1's.
  package static func svg(_ region: BoundaryValues.Region) -> ChartColor {
    switch region {
    case .predicted(let index): return ChartColor.at(index).mixed(with: .white, 0.6)
    case .probability(let p):
      let band = (min(1, max(0, p)) * 10).rounded(.down) / 10 + 0.05
      let (low, high) = (
        ChartColor.at(0).mixed(with: .white, 0.35), ChartColor.at(1).mixed(with: .white, 0.35)
      )
      return band < 0.5
        ? low.mixed(with: .white, (band - 0.05) / 0.45)
        : ChartColor.white.mixed(with: high, (band - 0.55) / 0.45)
    }
  }

  /// The colour of a data point's mark of class `index` in the terminal: brighter than its region.
  package static func terminalMark(_ index: Int) -> ChartColor { ChartColor.terminalAt(index) }
}
