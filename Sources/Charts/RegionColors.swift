/// The colours of a decision boundary's regions: dark in the terminal, so that bright marks stand
/// out on them, and light tints in SVG on white paper.
package enum RegionColors {
  /// Where regions of probability near 0.5 meet in the terminal.
  private static let terminalMiddle = ChartColor(hex: 0x3A3A3A)

  /// The terminal background of `region`.
  package static func terminal(_ region: BoundaryValues.Region) -> ChartColor {
    switch region {
    case .predicted(let index): ChartColor.at(index).mixed(with: .black, 0.5)
    case .probability(let p): ramp(p, low: terminal(.predicted(0)), middle: terminalMiddle,
      high: terminal(.predicted(1)))
    }
  }

  /// The SVG fill of `region`.
  package static func svg(_ region: BoundaryValues.Region) -> ChartColor {
    switch region {
    case .predicted(let index): ChartColor.at(index).mixed(with: .white, 0.6)
    case .probability(let p):
      ramp(p, low: ChartColor.at(0).mixed(with: .white, 0.35), middle: .white,
        high: ChartColor.at(1).mixed(with: .white, 0.35))
    }
  }

  /// The colour of a data point's mark of class `index` in the terminal: brighter than its region.
  package static func terminalMark(_ index: Int) -> ChartColor {
    ChartColor.at(index).mixed(with: .white, 0.3)
  }

  /// A colour from `low` at p = 0 through `middle` at 0.5 to `high` at 1, in five steps a side so
  /// that the bands read as contour lines of the probability.
  private static func ramp(_ p: Double, low: ChartColor, middle: ChartColor, high: ChartColor)
    -> ChartColor
  {
    let level = (min(1, max(0, p)) * 10).rounded(.down) / 10 + 0.05
    return level < 0.5
      ? low.mixed(with: middle, (level - 0.05) / 0.45)
      : middle.mixed(with: high, (level - 0.55) / 0.45)
  }
}
