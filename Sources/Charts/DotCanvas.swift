/// A grid of dots that lines are drawn on: 2×4 braille dots per character cell with Unicode
/// glyphs, one dot per cell with ASCII. Each cell remembers the series that drew in it last.
package struct DotCanvas: Sendable {
  /// The size in character cells.
  package let columns, rows: Int
  /// The characters the canvas turns into.
  package let glyphs: Glyphs
  private var dots: [UInt8]
  private var owners: [Int?]

  /// An empty canvas of `columns` × `rows` character cells.
  package init(columns: Int, rows: Int, glyphs: Glyphs) {
    precondition(columns > 0 && rows > 0, "a dot canvas needs at least one cell")
    self.columns = columns
    self.rows = rows
    self.glyphs = glyphs
    dots = Array(repeating: 0, count: columns * rows)
    owners = Array(repeating: nil, count: columns * rows)
  }

  /// Dots per cell across and down.
  private var cellDots: (across: Int, down: Int) { glyphs == .unicode ? (2, 4) : (1, 1) }
  /// The number of dots across the canvas.
  package var dotsAcross: Int { columns * cellDots.across }
  /// The number of dots down the canvas.
  package var dotsDown: Int { rows * cellDots.down }

  /// Braille bit of the dot at (x, y) inside a cell (Unicode 2800–28FF: dots 1-2-3-7 down the
  /// left column, 4-5-6-8 down the right).
  private static let brailleBits: [[UInt8]] = [
    [0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80],
  ]

  /// Sets the dot at (`x`, `y`), counted from the top left, for `series`.
  package mutating func setDot(x: Int, y: Int, series: Int) {
    guard x >= 0, x < dotsAcross, y >= 0, y < dotsDown else { return }
    let (across, down) = cellDots
    let cell = (y / down) * columns + x / across
    dots[cell] |= glyphs == .unicode ? Self.brailleBits[x % across][y % down] : 1
    owners[cell] = series
  }

  /// Draws a straight line between two points in dot coordinates (fractions allowed), clipped to
  /// the canvas. `step` counts dots along the series so that dashes continue across segments.
  package mutating func drawLine(
    from start: (x: Double, y: Double), to end: (x: Double, y: Double), series: Int,
    style: LineStyle, step: inout Int
  ) {
    let bounds = (x: -0.5...(Double(dotsAcross) - 0.5), y: -0.5...(Double(dotsDown) - 0.5))
    guard let (a, b) = Segment.clipped(start, end, to: bounds) else { return }
    let (x0, y0) = (Int(a.x.rounded()), Int(a.y.rounded()))
    let (x1, y1) = (Int(b.x.rounded()), Int(b.y.rounded()))
    let count = max(abs(x1 - x0), abs(y1 - y0))
    for index in 0...count {
      let t = count == 0 ? 0 : Double(index) / Double(count)
      let x = Int((Double(x0) + t * Double(x1 - x0)).rounded())
      let y = Int((Double(y0) + t * Double(y1 - y0)).rounded())
      if style.draws(step: step) { setDot(x: x, y: y, series: series) }
      if index < count { step += 1 }
    }
  }

  /// The series that drew last in the cell at (`column`, `row`), or nil if it is empty.
  package func owner(column: Int, row: Int) -> Int? { owners[row * columns + column] }

  /// The braille character of the cell at (`column`, `row`) (meaningful with Unicode glyphs).
  package func braille(column: Int, row: Int) -> Character {
    Character(Unicode.Scalar(0x2800 + UInt32(dots[row * columns + column])) ?? " ")
  }
}
