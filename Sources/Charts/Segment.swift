/// Straight segments between two points of a plane.
package enum Segment {
  /// A point of the plane.
  package typealias Point = (x: Double, y: Double)

  /// The part of the segment from `a` to `b` inside the rectangle `bounds`, or nil if no part is
  /// (Liang and Barsky, "A new concept and method for line clipping", ACM TOG 3(1), 1984).
  package static func clipped(
    _ a: Point, _ b: Point, to bounds: (x: ClosedRange<Double>, y: ClosedRange<Double>)
  ) -> (Point, Point)? {
    let (dx, dy) = (b.x - a.x, b.y - a.y)
    var (enter, leave) = (0.0, 1.0)
    let edges = [
      (-dx, a.x - bounds.x.lowerBound), (dx, bounds.x.upperBound - a.x),
      (-dy, a.y - bounds.y.lowerBound), (dy, bounds.y.upperBound - a.y),
    ]
    for (p, q) in edges {
      if p == 0 {
        if q < 0 { return nil }
        continue
      }
      let r = q / p
      if p < 0 { enter = max(enter, r) } else { leave = min(leave, r) }
      if enter > leave { return nil }
    }
    return ((a.x + enter * dx, a.y + enter * dy), (a.x + leave * dx, a.y + leave * dy))
  }
}
