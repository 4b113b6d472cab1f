/// A line chart of one or more series — training and validation loss, several runs overlaid, loss
/// against learning rate — drawn in the terminal or as SVG.
///
/// ```swift
/// let chart = LineChart(
///   title: "Loss", xLabel: "epoch", yLabel: "loss",
///   series: [Series(name: "train", values: train), Series(name: "validation", values: val)])
/// print(chart.render(width: 72, height: 20, color: true))
/// ```
public struct LineChart: Sendable {
  /// The heading above the chart; empty for none.
  public var title: String
  /// The names of the horizontal and vertical axes; empty for none.
  public var xLabel, yLabel: String
  /// The lines, drawn in order (later ones on top).
  public var series: [Series]
  /// How x and y values map to positions; `.log` for learning rates or losses spanning decades.
  public var xScale, yScale: AxisScale
  /// The y values shown, or nil to fit the data; lines leaving the range are cut at its edge.
  public var yRange: ClosedRange<Double>?

  /// A line chart of `series`.
  public init(
    title: String = "", xLabel: String = "", yLabel: String = "", series: [Series],
    xScale: AxisScale = .linear, yScale: AxisScale = .linear, yRange: ClosedRange<Double>? = nil
  ) {
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.series = series
    self.xScale = xScale
    self.yScale = yScale
    self.yRange = yRange
  }

  /// ASCII marks of the series, in order, when braille is not available.
  static let asciiMarks: [Character] = ["*", "+", "o", "x", "#", "%", "@", "&"]

  /// The colour of the series at `index`, in SVG or in the terminal.
  func color(of index: Int, terminal: Bool = false) -> ChartColor {
    series[index].color ?? (terminal ? .terminalAt(index) : .at(index))
  }

  /// The style of the series at `index`: its own, or solid in colour and cycling without.
  package func style(of index: Int, color: Bool) -> LineStyle {
    series[index].style ?? (color ? .solid : LineStyle.allCases[index % LineStyle.allCases.count])
  }

  /// The axes for `data`, with as many ticks as fit in `columns` character columns and `rows`
  /// lines; whole-number steps along x when every x is whole.
  func axes(_ data: LinePlotData, columns: Int, rows: Int) -> (x: AxisTicks, y: AxisTicks)? {
    guard let x = data.xBounds, let y = data.yBounds else { return nil }
    let xTicks = AxisTicks.fitting(
      lower: x.lower, upper: x.upper, scale: xScale, columns: columns, whole: data.wholeX)
    guard let yRange, yScale.canShow(yRange.lowerBound), yScale.canShow(yRange.upperBound),
      yRange.lowerBound < yRange.upperBound
    else {
      return (xTicks, AxisTicks.fitting(lower: y.lower, upper: y.upper, scale: yScale, rows: rows))
    }
    let yTicks = AxisTicks.fitting(
      lower: yRange.lowerBound, upper: yRange.upperBound, scale: yScale, rows: rows,
      extending: false)
    return (xTicks, yTicks)
  }

  /// The chart as text `width` columns wide and about `height` lines high: braille lines (or ASCII
  /// marks) with axes, round tick labels, a legend and notes about points left out. With `color`
  /// the series are coloured with ANSI codes; without, the output holds no escape code. Data that
  /// cannot be drawn gives a one-line message instead of a chart.
  public func render(
    width: Int = 72, height: Int = 20, color: Bool = false, glyphs: Glyphs = .unicode
  ) -> String {
    let data = LinePlotData(series: series, xScale: xScale, yScale: yScale)
    let frame = ChartFrame(
      width: width, height: height, title: title, xLabel: xLabel, yLabel: yLabel,
      legend: legend(color: color, glyphs: glyphs), notes: data.notes)
    let rows = frame.plotRows
    guard let (xAxis, yAxis) = axes(data, columns: frame.width - 10, rows: rows) else {
      let message = series.isEmpty ? "(no series to plot)" : "(no points to plot)"
      return ([title, message].filter { !$0.isEmpty } + data.notes).joined(separator: "\n")
    }
    let columns = frame.plotColumns(
      labelWidth: yAxis.labels.map(\.count).max() ?? 0,
      overhang: (xAxis.labels.last?.count ?? 0) / 2)
    var dots = DotCanvas(columns: columns, rows: rows, glyphs: glyphs)
    func dot(_ point: (x: Double, y: Double)) -> (x: Double, y: Double) {
      (
        xAxis.fraction(of: point.x, scale: xScale) * Double(dots.dotsAcross - 1),
        (1 - yAxis.fraction(of: point.y, scale: yScale)) * Double(dots.dotsDown - 1)
      )
    }
    for (index, runs) in data.runs.enumerated() {
      var step = 0
      let style = style(of: index, color: color)
      for run in runs {
        for (start, end) in zip(run, run.dropFirst()) {
          dots.drawLine(from: dot(start), to: dot(end), series: index, style: style, step: &step)
        }
        if run.count == 1, let only = run.first {
          let at = dot(only)
          dots.setDot(x: Int(at.x.rounded()), y: Int(at.y.rounded()), series: index)
        }
      }
    }
    var shading = BandShading(columns: columns, rows: rows)
    for (index, line) in series.enumerated() {
      for span in line.band?.runs(x: line.x, xScale: xScale, yScale: yScale) ?? [] {
        shading.shade(
          span.map { (dot(($0.x, $0.high)), dot(($0.x, $0.low))) }, series: index, dots: dots)
      }
    }
    let cellWidth = dots.dotsAcross / columns
    let xTicks = zip(xAxis.values, xAxis.labels).map { value, label in
      (column: Int(dot((value, yAxis.lower)).x.rounded()) / cellWidth, label: label)
    }
    let yTicks = zip(yAxis.values, yAxis.labels).map { value, label in
      (row: Int(dot((xAxis.lower, value)).y.rounded()) * rows / dots.dotsDown, label: label)
    }
    return frame.render(
      plot: plot(dots, shading: shading, color: color), xTicks: xTicks, yTicks: yTicks,
      color: color, glyphs: glyphs)
  }

  /// The plot area: each cell's braille dots (or the ASCII mark of its series) in its colour,
  /// and where no line passes, the shade of a band.
  private func plot(_ dots: DotCanvas, shading: BandShading, color: Bool) -> TextCanvas {
    var canvas = TextCanvas(width: dots.columns, height: dots.rows)
    for row in 0..<dots.rows {
      for column in 0..<dots.columns {
        guard let owner = dots.owner(column: column, row: row) else {
          if let shade = shading.owner(column: column, row: row) {
            canvas.put(
              dots.glyphs == .unicode ? "░" : ".", column: column, line: row,
              style: CellStyle(foreground: self.color(of: shade, terminal: true)))
          }
          continue
        }
        let character =
          dots.glyphs == .unicode
          ? dots.braille(column: column, row: row)
          : Self.asciiMarks[owner % Self.asciiMarks.count]
        canvas.put(
          character, column: column, line: row,
          style: CellStyle(foreground: self.color(of: owner, terminal: true)))
      }
    }
    return canvas
  }

  /// One legend entry per series (none for a single unnamed one), each with a short sample line.
  private func legend(color: Bool, glyphs: Glyphs) -> [LegendEntry] {
    if series.count == 1 && series[0].name.isEmpty { return [] }
    return series.indices.map { index in
      let style = CellStyle(foreground: self.color(of: index, terminal: true))
      let name = LinePlotData.name(series[index], index)
      guard glyphs == .unicode else {
        let mark = Self.asciiMarks[index % Self.asciiMarks.count]
        return LegendEntry(sample: [(mark, style), (mark, style)], label: name)
      }
      var sample = DotCanvas(columns: 4, rows: 1, glyphs: .unicode)
      var step = 0
      sample.drawLine(
        from: (0, 1), to: (7, 1), series: index, style: self.style(of: index, color: color),
        step: &step)
      return LegendEntry(
        sample: (0..<4).map { (sample.braille(column: $0, row: 0), style) }, label: name)
    }
  }
}
