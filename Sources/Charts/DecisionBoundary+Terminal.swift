extension DecisionBoundary {
  /// Shades standing for regions without colour, by class (cycling).
  private static func shades(_ glyphs: Glyphs) -> [Character] {
    glyphs == .unicode ? [" ", "░", "▒", "▓"] : [" ", ".", ":", "="]
  }

  /// Shades standing for the probability of class 1 without colour, by quarter: light, so that
  /// the marks stay readable, with the boundary at 0.5 between the second and third.
  private static func probabilityShades(_ glyphs: Glyphs) -> [Character] {
    glyphs == .unicode ? [" ", "·", "░", "▒"] : [" ", ".", ":", "="]
  }

  /// The chart as text `width` columns wide and about `height` lines high: regions as coloured
  /// cells (two per character with Unicode half blocks) or shade characters without colour, the
  /// points as one mark per class, axes and a legend. Without `color` there is no escape code.
  public func render(
    width: Int = 64, height: Int = 26, color: Bool = false, glyphs: Glyphs = .unicode
  ) -> String {
    let (placed, notes) = placedPoints()
    let drawsRegions = values.size.rows > 0 && values.size.columns > 0
    guard drawsRegions || !placed.isEmpty else {
      return ([title, "(nothing to draw)"].filter { !$0.isEmpty } + notes)
        .joined(separator: "\n")
    }
    let frame = ChartFrame(
      width: width, height: height, title: title, xLabel: xLabel, yLabel: yLabel,
      legend: legend(color: color, glyphs: glyphs), notes: notes)
    let rows = frame.plotRows
    let yAxis = ticks(bounds.y, rows: rows)
    let xAxis = ticks(bounds.x, columns: frame.width - 10)
    let columns = frame.plotColumns(
      labelWidth: yAxis.labels.map(\.count).max() ?? 0,
      overhang: (xAxis.labels.last?.count ?? 0) / 2)
    var plot = TextCanvas(width: columns, height: rows)
    var counts: [Int: [Int: Int]] = [:]
    for point in placed {
      let column = min(columns - 1, Int(point.across * Double(columns)))
      let row = min(rows - 1, Int((1 - point.up) * Double(rows)))
      counts[row * columns + column, default: [:]][point.label, default: 0] += 1
    }
    for row in 0..<rows {
      for column in 0..<columns {
        let across = (Double(column) + 0.5) / Double(columns)
        let region = { (fromTop: Double) in
          values.value(across: across, up: 1 - (Double(row) + fromTop) / Double(rows))
        }
        let mark = counts[row * columns + column].flatMap(Self.majority)
        let (character, style) =
          drawsRegions
          ? cell(
            top: region(0.25), middle: region(0.5), bottom: region(0.75), mark: mark,
            color: color, glyphs: glyphs)
          : cell(mark: mark, color: color, glyphs: glyphs)
        plot.put(character, column: column, line: row, style: style)
      }
    }
    let xTicks = zip(xAxis.values, xAxis.labels).map { value, label in
      (
        column: min(columns - 1, Int(xAxis.fraction(of: value, scale: .linear) * Double(columns))),
        label: label
      )
    }
    let yTicks = zip(yAxis.values, yAxis.labels).map { value, label in
      (
        row: min(rows - 1, Int((1 - yAxis.fraction(of: value, scale: .linear)) * Double(rows))),
        label: label
      )
    }
    return frame.render(plot: plot, xTicks: xTicks, yTicks: yTicks, color: color, glyphs: glyphs)
  }

  /// The class with the most points in a cell, the smaller index on a tie.
  private static func majority(_ counts: [Int: Int]) -> Int? {
    counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key
  }

  /// One plot cell: a point's mark on its region, a half-block showing the upper and lower
  /// halves' regions, or a shade character.
  private func cell(
    top: BoundaryValues.Region?, middle: BoundaryValues.Region?,
    bottom: BoundaryValues.Region?, mark: Int?, color: Bool, glyphs: Glyphs
  ) -> (Character, CellStyle) {
    if let mark {
      let style = CellStyle(
        foreground: color ? RegionColors.terminalMark(mark) : nil,
        background: color ? middle.map(RegionColors.terminal) : nil, bold: color)
      return (MarkShape.at(mark).character(glyphs), style)
    }
    guard color else { return (Self.shade(middle, glyphs: glyphs), .plain) }
    let (upper, lower) = (top.map(RegionColors.terminal), bottom.map(RegionColors.terminal))
    if glyphs == .unicode, let upper, let lower, upper.terminalIndex != lower.terminalIndex {
      return ("▀", CellStyle(foreground: upper, background: lower))
    }
    return (" ", CellStyle(background: middle.map(RegionColors.terminal)))
  }

  /// One cell of a plot without regions (a scatter of data): a point's mark, or a blank.
  private func cell(mark: Int?, color: Bool, glyphs: Glyphs) -> (Character, CellStyle) {
    guard let mark else { return (" ", .plain) }
    let style = CellStyle(foreground: color ? RegionColors.terminalMark(mark) : nil, bold: color)
    return (MarkShape.at(mark).character(glyphs), style)
  }

  /// The shade character of a region without colour; "?" where the prediction is missing.
  private static func shade(_ region: BoundaryValues.Region?, glyphs: Glyphs) -> Character {
    switch region {
    case .predicted(let index):
      let shades = shades(glyphs)
      return shades[index % shades.count]
    case .probability(let p):
      let shades = probabilityShades(glyphs)
      return shades[min(shades.count - 1, Int(p * Double(shades.count)))]
    case nil: return "?"
    }
  }

  /// One entry per class (its mark, and its region's colour or shade for class predictions),
  /// plus a probability scale for probability predictions.
  private func legend(color: Bool, glyphs: Glyphs) -> [LegendEntry] {
    var entries = (0..<classCount).map { index in
      let mark = (
        MarkShape.at(index).character(glyphs),
        CellStyle(foreground: color ? RegionColors.terminalMark(index) : nil, bold: color)
      )
      guard case .classes = values, values.size.rows > 0 else {
        return LegendEntry(sample: [mark], label: name(of: index))
      }
      return LegendEntry(
        sample: [mark, (" ", .plain)] + swatch([.predicted(index)], color: color, glyphs: glyphs),
        label: name(of: index))
    }
    if case .probabilities = values {
      let levels = (0..<8).map { BoundaryValues.Region.probability((Double($0) + 0.5) / 8) }
      entries.append(
        LegendEntry(
          sample: [("0", .plain)] + swatch(levels, color: color, glyphs: glyphs) + [("1", .plain)],
          label: "p(\(name(of: 1)))"))
    }
    return entries
  }

  /// Cells showing `regions` in colour, or as bracketed shades without colour.
  private func swatch(_ regions: [BoundaryValues.Region], color: Bool, glyphs: Glyphs)
    -> [(Character, CellStyle)]
  {
    guard color else {
      let shades = regions.count == 1 ? regions + regions : regions
      return [("[", .plain)] + shades.map { (Self.shade($0, glyphs: glyphs), .plain) }
        + [("]", .plain)]
    }
    let cells = regions.count == 1 ? regions + regions : regions
    return cells.map { (" ", CellStyle(background: RegionColors.terminal($0))) }
  }
}
