import Foundation

/// The range an axis shows and the round values marked on it.
package struct AxisTicks: Sendable, Equatable {
  /// The smallest value the axis shows.
  package var lower: Double
  /// The largest value the axis shows.
  package var upper: Double
  /// The marked values, ascending, all within `lower...upper`.
  package var values: [Double]
  /// The text written beside each marked value.
  package var labels: [String]

  /// Round ticks for data spanning `lower...upper` on `scale`, about `count` of them.
  ///
  /// On a linear scale the step is the 1, 2 or 5 times a power of ten nearest to the range over
  /// `count - 1` (Heckbert, "Nice numbers for
  /// graph labels", Graphics Gems, 1990). With `extending` the axis grows outward to the ticks
  /// just beyond the data, so the first and last ticks sit on the ends of the axis; without it the
  /// range is kept and only the ticks inside are marked. On a log scale the axis grows to the 1, 2
  /// or 5 times a power of ten around the data, and the ticks are those values when few enough,
  /// else powers of ten, every few decades when there are many. A degenerate range (`lower == upper`) is widened around its value.
  /// With `whole`, a linear step is never below 1 (for epochs and other counts).
  package init(
    lower: Double, upper: Double, scale: AxisScale, count: Int, extending: Bool = true,
    whole: Bool = false
  ) {
    precondition(lower.isFinite && upper.isFinite && lower <= upper, "ticks need a finite range")
    let target = max(2, count)
    switch scale {
    case .linear:
      let (low, high) = lower < upper ? (lower, upper) : Self.widened(lower)
      self = Self.linear(
        lower: low, upper: high, count: target, extending: extending, whole: whole)
    case .log:
      precondition(lower > 0, "a log axis needs positive values")
      let (low, high) = lower < upper ? (lower, upper) : (lower / 2, lower * 2)
      self = Self.logarithmic(lower: low, upper: high, count: target, extending: extending)
    }
  }

  private init(lower: Double, upper: Double, values: [Double], labels: [String]) {
    self.lower = lower
    self.upper = upper
    self.values = values
    self.labels = labels
  }

  /// A range around a single value: ±10% of it, or ±1 around zero.
  private static func widened(_ value: Double) -> (Double, Double) {
    let half = value == 0 ? 1 : abs(value) * 0.1
    return (value - half, value + half)
  }

  /// The round number (1, 2 or 5 × 10ⁿ) nearest to `rough`, as its mantissa and exponent.
  package static func niceStep(_ rough: Double) -> (mantissa: Double, exponent: Int) {
    let exponent = Int(floor(log10(rough)))
    let fraction = rough / pow(10, Double(exponent))
    if fraction < 1.5 { return (1, exponent) }
    if fraction < 3 { return (2, exponent) }
    if fraction < 7 { return (5, exponent) }
    return (1, exponent + 1)
  }

  private static func linear(
    lower: Double, upper: Double, count: Int, extending: Bool, whole: Bool
  ) -> Self {
    var (mantissa, exponent) = niceStep((upper - lower) / Double(count - 1))
    if whole && exponent < 0 { (mantissa, exponent) = (1, 0) }
    let step = mantissa * pow(10, Double(exponent))
    // k · mantissa / 10^-e is exact for round values, where k · step drifts (0.30000000000000004).
    func value(_ k: Double) -> Double {
      exponent < 0 ? k * mantissa / pow(10, Double(-exponent)) : k * step
    }
    let first = extending ? floor(lower / step + 1e-9) : ceil(lower / step - 1e-9)
    let last = extending ? ceil(upper / step - 1e-9) : floor(upper / step + 1e-9)
    let values = stride(from: first, through: last, by: 1).map(value)
    let labels = NumberText.tickLabels(values, step: step)
    if extending, let low = values.first, let high = values.last {
      return Self(lower: low, upper: high, values: values, labels: labels)
    }
    return Self(lower: lower, upper: upper, values: values, labels: labels)
  }

  private static func logarithmic(lower: Double, upper: Double, count: Int, extending: Bool)
    -> Self
  {
    let lowDecade = Int(floor(log10(lower) + 1e-9))
    let highDecade = Int(ceil(log10(upper) - 1e-9))
    let inside = { (v: Double) in v >= lower * (1 - 1e-9) && v <= upper * (1 + 1e-9) }
    // 1-2-5 ticks when they are few enough, kept to the data's neighbourhood.
    let fine = (lowDecade...highDecade).flatMap { decade in
      [1.0, 2, 5].map { $0 * pow(10, Double(decade)) }
    }
    let below = fine.last { $0 <= lower * (1 + 1e-9) } ?? lower
    let above = fine.first { $0 >= upper * (1 - 1e-9) } ?? upper
    let fineTicks = fine.filter { extending ? ($0 >= below && $0 <= above) : inside($0) }
    if highDecade - lowDecade <= 1 || fineTicks.count <= count + 2 {
      return Self(
        lower: extending ? below : lower, upper: extending ? above : upper, values: fineTicks,
        labels: fineTicks.map(NumberText.logTickLabel))
    }
    // Powers of ten, every few decades when there are many, inside the range (grown to the 1-2-5
    // values around the data, not to whole decades, which would waste up to a decade a side).
    let (low, high) = extending ? (below, above) : (lower, upper)
    let every = max(1, Int(ceil(Double(highDecade - lowDecade) / Double(count - 1))))
    let values = stride(from: lowDecade, through: highDecade, by: every)
      .map { pow(10, Double($0)) }
      .filter { $0 >= low * (1 - 1e-9) && $0 <= high * (1 + 1e-9) }
    return Self(
      lower: low, upper: high, values: values, labels: values.map(NumberText.logTickLabel))
  }
}

extension AxisTicks {
  /// Where `value` lies along the axis on `scale`: 0 at `lower`, 1 at `upper`.
  package func fraction(of value: Double, scale: AxisScale) -> Double {
    let (low, high) = (scale.position(lower), scale.position(upper))
    return high > low ? (scale.position(value) - low) / (high - low) : 0.5
  }
}

extension AxisTicks {
  /// The most ticks, up to about one every four columns, whose labels fit side by side along a
  /// horizontal axis `columns` wide, each keeping two columns of space from the next and ticks
  /// at least six columns apart.
  package static func fitting(
    lower: Double, upper: Double, scale: AxisScale, columns: Int, extending: Bool = true,
    whole: Bool = false
  ) -> AxisTicks {
    fitting(
      lower: lower, upper: upper, scale: scale, start: columns / 4, extending: extending,
      whole: whole
    ) { ticks in
      let widest = ticks.labels.map(\.count).max() ?? 0
      return Double(columns) / Double(max(1, ticks.values.count - 1)) >= Double(max(6, widest + 2))
    }
  }

  /// About one tick every three lines of a vertical axis `rows` high, and never more than one a
  /// line.
  package static func fitting(
    lower: Double, upper: Double, scale: AxisScale, rows: Int, extending: Bool = true
  ) -> AxisTicks {
    fitting(
      lower: lower, upper: upper, scale: scale, start: max(3, (rows + 2) / 3), extending: extending,
      whole: false
    ) { $0.values.count <= rows }
  }

  /// The ticks for the largest count from `start` down to 2 that `fits`.
  private static func fitting(
    lower: Double, upper: Double, scale: AxisScale, start: Int, extending: Bool, whole: Bool,
    fits: (AxisTicks) -> Bool
  ) -> AxisTicks {
    var count = max(2, start)
    while true {
      let ticks = AxisTicks(
        lower: lower, upper: upper, scale: scale, count: count, extending: extending, whole: whole)
      if count == 2 || fits(ticks) { return ticks }
      count -= 1
    }
  }
}
