/// The character cells a line chart's bands cover, each remembering the series whose band
/// covered it last; the chart shades them where no line passes.
struct BandShading {
  private let columns, rows: Int
  private var owners: [Int?]

  /// No shading on a plot of `columns` × `rows` cells.
  init(columns: Int, rows: Int) {
    self.columns = columns
    self.rows = rows
    owners = Array(repeating: nil, count: columns * rows)
  }

  /// Shades the cells between the band's edges, given as (top, bottom) points in the dot
  /// coordinates of `dots`, interpolating straight between neighbouring points.
  mutating func shade(
    _ edges: [((x: Double, y: Double), (x: Double, y: Double))], series: Int, dots: DotCanvas
  ) {
    let across = dots.dotsAcross / columns
    let down = dots.dotsDown / rows
    let pairs = edges.count == 1 ? [(edges[0], edges[0])] : Array(zip(edges, edges.dropFirst()))
    for (start, end) in pairs {
      let first = Int(start.0.x.rounded())
      let last = Int(end.0.x.rounded())
      for x in min(first, last)...max(first, last) where x >= 0 && x < dots.dotsAcross {
        let t = last == first ? 0 : Double(x - first) / Double(last - first)
        let top = start.0.y + t * (end.0.y - start.0.y)
        let bottom = start.1.y + t * (end.1.y - start.1.y)
        let upper = max(0, Int(min(top, bottom).rounded()) / down)
        let lower = min(rows - 1, Int(max(top, bottom).rounded()) / down)
        guard upper <= lower else { continue }
        for row in upper...lower { owners[row * columns + x / across] = series }
      }
    }
  }

  /// The series whose band covers the cell, if any.
  func owner(column: Int, row: Int) -> Int? { owners[row * columns + column] }
}
