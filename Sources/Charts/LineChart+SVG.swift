extension LineChart {
  /// The chart as a standalone SVG document `width` × `height` pixels: grid, axes with round
  /// ticks, one polyline per unbroken run of each series, a legend and notes.
  public func svg(width: Int = 640, height: Int = 400) -> String {
    let data = LinePlotData(series: series, xScale: xScale, yScale: yScale)
    let legend: [(samples: [SVGSample], label: String)] =
      series.count == 1 && series[0].name.isEmpty
      ? []
      : series.indices.map { index in
        (
          [.line(color(of: index), style(of: index, color: true))],
          LinePlotData.name(series[index], index)
        )
      }
    let frame = SVGFrame(
      width: width, height: height, title: title, xLabel: xLabel, yLabel: yLabel,
      legend: legend, notes: data.notes)
    guard let (xAxis, yAxis) = axes(data, columns: width / 8, rows: height / 30) else {
      return frame.render(xTicks: [], yTicks: []) { document, area in
        document.text(
          series.isEmpty ? "no series to plot" : "no points to plot",
          x: area.x + area.width / 2, y: area.y + area.height / 2, size: 14, anchor: "middle",
          fill: .axis)
      }
    }
    let xTicks = zip(xAxis.values, xAxis.labels).map {
      (fraction: xAxis.fraction(of: $0, scale: xScale), label: $1)
    }
    let yTicks = zip(yAxis.values, yAxis.labels).map {
      (fraction: yAxis.fraction(of: $0, scale: yScale), label: $1)
    }
    return frame.render(xTicks: xTicks, yTicks: yTicks) { document, area in
      func pixel(_ point: (x: Double, y: Double)) -> Segment.Point {
        (
          area.x + xAxis.fraction(of: point.x, scale: xScale) * area.width,
          area.y + (1 - yAxis.fraction(of: point.y, scale: yScale)) * area.height
        )
      }
      let bounds = (x: area.x...(area.x + area.width), y: area.y...(area.y + area.height))
      for (index, line) in series.enumerated() {
        for span in line.band?.runs(x: line.x, xScale: xScale, yScale: yScale) ?? [] {
          let outline =
            span.map { pixel(($0.x, $0.high)) }
            + span.reversed().map {
              pixel(($0.x, $0.low))
            }
          document.polygon(outline, fill: color(of: index), stroke: nil, opacity: 0.2)
        }
      }
      for (index, runs) in data.runs.enumerated() {
        let color = color(of: index)
        for run in runs {
          if run.count == 1, let only = run.first {
            document.circle(center: pixel(only), radius: 3, fill: color)
            continue
          }
          for piece in Self.visiblePieces(run.map(pixel), within: bounds) {
            document.polyline(
              piece, stroke: color, width: 2, dashes: style(of: index, color: true).dashArray)
          }
        }
      }
    }
  }

  /// The parts of the line through `points` inside `bounds`, each a list of points.
  private static func visiblePieces(
    _ points: [Segment.Point], within bounds: (x: ClosedRange<Double>, y: ClosedRange<Double>)
  ) -> [[Segment.Point]] {
    var pieces: [[Segment.Point]] = []
    var current: [Segment.Point] = []
    for (a, b) in zip(points, points.dropFirst()) {
      guard let (start, end) = Segment.clipped(a, b, to: bounds) else { continue }
      if let last = current.last, last == start {
        current.append(end)
      } else {
        if current.count > 1 { pieces.append(current) }
        current = [start, end]
      }
    }
    if current.count > 1 { pieces.append(current) }
    return pieces
  }
}
