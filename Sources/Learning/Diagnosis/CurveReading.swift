/// The facts about one loss curve that a diagnosis rests on, measured once.
///
/// Epochs count from 1. The curve's *end level* is the mean of its last tenth (at least 3
/// epochs), steadier than its last value; its *tail* is its last quarter (at least 4 epochs).
struct CurveReading {
  /// The loss per epoch.
  var values: [Double]

  /// The number of epochs recorded.
  var epochs: Int { values.count }

  /// The first epoch whose loss is NaN or infinite.
  var firstNonFinite: Int? { values.firstIndex { !$0.isFinite }.map { $0 + 1 } }

  /// The lowest loss and its epoch.
  var best: (epoch: Int, value: Double) {
    let index = values.indices.min { values[$0] < values[$1] } ?? 0
    return (index + 1, values.isEmpty ? .nan : values[index])
  }

  /// How many epochs the end level averages.
  var endCount: Int { min(epochs, max(3, epochs / 10)) }

  /// The mean loss over the last tenth of the epochs (at least 3).
  var endLevel: Double { mean(values.suffix(endCount)) }

  /// The epochs whose loss rose above the lowest loss before them by more than `factor` times,
  /// undoing more than half of what training had gained below `scale` (or, when the best was
  /// not below `scale`, rising by more than a tenth of it): the spikes of an unstable run. Each
  /// with its ratio to that lowest loss.
  func spikes(factor: Double, scale: Double) -> [(epoch: Int, ratio: Double)] {
    var lowest = Double.infinity
    var found: [(epoch: Int, ratio: Double)] = []
    for (index, value) in values.enumerated() {
      if lowest.isFinite, lowest > 0, value > factor * lowest,
        value - lowest > (lowest < scale ? 0.5 * (scale - lowest) : 0.1 * scale)
      {
        found.append((index + 1, value / lowest))
      }
      lowest = min(lowest, value)
    }
    return found
  }

  /// The largest ratio of a loss to the lowest loss before it (1 when the curve never rose above
  /// its best so far).
  var largestRiseOverBest: Double {
    var lowest = Double.infinity
    var largest = 1.0
    for value in values {
      if lowest.isFinite, lowest > 0 { largest = max(largest, value / lowest) }
      lowest = min(lowest, value)
    }
    return largest
  }

  /// The number of epochs in the curve's tail: a quarter of them, at least 4.
  var tailCount: Int { min(epochs, max(4, epochs / 4)) }

  /// The straight line fitted by least squares to the tail (`before` 0) or to the stretch of
  /// the same length `before` tails earlier: its slope per epoch and the spread of the points
  /// about it (root mean square).
  func trend(before: Int = 0) -> (slope: Double, spread: Double) {
    let end = epochs - before * tailCount
    guard end - tailCount >= 0, tailCount >= 2 else { return (0, 0) }
    let stretch = Array(values[(end - tailCount)..<end])
    let xs = stretch.indices.map(Double.init)
    let meanX = mean(xs)
    let meanY = mean(stretch)
    let covariance = zip(xs, stretch).reduce(0) { $0 + ($1.0 - meanX) * ($1.1 - meanY) }
    let variance = xs.reduce(0) { $0 + ($1 - meanX) * ($1 - meanX) }
    let slope = covariance / variance
    let residuals = zip(xs, stretch).map { $1 - (meanY + slope * ($0 - meanX)) }
    let spread = (residuals.reduce(0) { $0 + $1 * $1 } / Double(tailCount)).squareRoot()
    return (slope, spread)
  }

  /// How much further the curve would fall if it kept slowing as it did: the tail's fall times
  /// r / (1 − r), r the ratio of the tail's slope to the slope of the stretch before it (a
  /// geometric approach to a limit); for a curve not slowing down, the tail's pace over as many
  /// epochs again as the run had.
  var remainingFall: Double {
    let last = trend().slope
    let previous = trend(before: 1).slope
    let fall = -last * Double(tailCount)
    guard last < 0 else { return 0 }
    guard previous < 0, last / previous < 1 else { return -last * Double(epochs) }
    let ratio = last / previous
    return fall * ratio / (1 - ratio)
  }

  /// How jagged the curve is: the share of epochs on which it went up, and the mean size of those
  /// rises.
  var jitter: (risingShare: Double, meanRise: Double) {
    guard epochs >= 3 else { return (0, 0) }
    let rises = zip(values, values.dropFirst()).map { $1 - $0 }.filter { $0 > 0 }
    guard !rises.isEmpty else { return (0, 0) }
    return (Double(rises.count) / Double(epochs - 1), mean(rises))
  }

  /// The share of epoch-to-epoch steps on which the curve fell.
  var fallingShare: Double {
    guard epochs >= 2 else { return 0 }
    let falls = zip(values, values.dropFirst()).filter { $1 < $0 }.count
    return Double(falls) / Double(epochs - 1)
  }

  /// How much the curve fell over its last `count` epochs: from the mean of the first three of
  /// them to the end level.
  func fall(overLast count: Int) -> Double {
    let stretch = values.suffix(count)
    return mean(stretch.prefix(3)) - endLevel
  }

  private func mean<C: Collection>(_ numbers: C) -> Double where C.Element == Double {
    numbers.isEmpty ? .nan : numbers.reduce(0, +) / Double(numbers.count)
  }
}
