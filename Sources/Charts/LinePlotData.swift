/// The points of a line chart that can be drawn, split into unbroken runs, with the range they
/// cover and notes about the points that had to be left out.
package struct LinePlotData: Sendable {
  /// For each series, its runs of drawable points; a point that cannot be shown breaks the line.
  package var runs: [[[(x: Double, y: Double)]]]
  /// The smallest and largest drawable x and y, or nil when nothing can be drawn.
  package var xBounds, yBounds: (lower: Double, upper: Double)?
  /// One sentence per series that lost points: how many and why.
  package var notes: [String]
  /// Whether every drawable x is a whole number, like an epoch.
  package var wholeX: Bool

  /// Sorts `series`' points into drawable runs for the given scales.
  package init(series: [Series], xScale: AxisScale, yScale: AxisScale) {
    runs = []
    notes = []
    var xs: [Double] = []
    var ys: [Double] = []
    for (index, line) in series.enumerated() {
      var lineRuns: [[(x: Double, y: Double)]] = [[]]
      var notFinite = 0
      var notPositive = 0
      for point in line.points {
        if xScale.canShow(point.x) && yScale.canShow(point.y) {
          lineRuns[lineRuns.count - 1].append(point)
          xs.append(point.x)
          ys.append(point.y)
          continue
        }
        if !point.x.isFinite || !point.y.isFinite { notFinite += 1 } else { notPositive += 1 }
        if !(lineRuns.last?.isEmpty ?? true) { lineRuns.append([]) }
      }
      runs.append(lineRuns.filter { !$0.isEmpty })
      for span in (line.band?.runs(x: line.x, xScale: xScale, yScale: yScale) ?? []).joined() {
        xs.append(span.x)
        ys += [span.low, span.high]
      }
      let owner = series.count == 1 && line.name.isEmpty ? "" : "\(Self.name(line, index)): "
      if notFinite > 0 {
        notes.append("note: \(owner)\(Self.count(notFinite)) NaN or infinite, left out (gaps)")
      }
      if notPositive > 0 {
        let axes = [xScale == .log ? "x" : nil, yScale == .log ? "y" : nil].compactMap { $0 }
        notes.append(
          "note: \(owner)\(Self.count(notPositive)) at or below zero, left out of the log "
            + "\(axes.joined(separator: "/")) axis")
      }
    }
    wholeX = xs.allSatisfy { $0 == $0.rounded() }
    xBounds = xs.min().flatMap { low in xs.max().map { (low, $0) } }
    yBounds = ys.min().flatMap { low in ys.max().map { (low, $0) } }
  }

  private static func count(_ points: Int) -> String {
    points == 1 ? "1 point is" : "\(points) points are"
  }

  /// The name of `series` in legends and notes: its own, or "series 1", "series 2", ….
  package static func name(_ series: Series, _ index: Int) -> String {
    series.name.isEmpty ? "series \(index + 1)" : series.name
  }
}
