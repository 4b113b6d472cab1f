/// A shaded band around a series, such as the mean ± one standard deviation of runs over seeds:
/// at the series' i-th x, it spans from `lower[i]` to `upper[i]`.
public struct Band: Sendable, Equatable {
  /// The bottom edge, one value per point of the series.
  public var lower: [Double]
  /// The top edge, one value per point of the series.
  public var upper: [Double]

  /// A band from `lower` to `upper`.
  public init(lower: [Double], upper: [Double]) {
    self.lower = lower
    self.upper = upper
  }

  /// The band's spans that can be drawn on the given scales, split where a value cannot be
  /// shown: each span is an x with its low and high y.
  func runs(
    x: [Double], xScale: AxisScale, yScale: AxisScale
  ) -> [[(x: Double, low: Double, high: Double)]] {
    var runs: [[(x: Double, low: Double, high: Double)]] = [[]]
    for (x, (low, high)) in zip(x, zip(lower, upper)) {
      if xScale.canShow(x), yScale.canShow(low), yScale.canShow(high) {
        runs[runs.count - 1].append((x, low, high))
      } else if !(runs.last?.isEmpty ?? true) {
        runs.append([])
      }
    }
    return runs.filter { !$0.isEmpty }
  }
}
