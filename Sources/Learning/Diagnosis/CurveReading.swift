/// The facts about a run's loss curves that a diagnosis rests on, measured once.
///
/// All epochs count from 1. "Drop" is relative: (before − after) / before.
struct CurveReading {
  /// The training loss per epoch.
  var train: [Double]
  /// The validation loss per epoch, empty without validation data.
  var validation: [Double]

  /// The number of epochs recorded.
  var epochs: Int { train.count }

  /// The first epoch (from 1) whose training or validation loss is NaN or infinite.
  var firstNonFinite: Int? {
    let bad = { (series: [Double]) in series.firstIndex { !$0.isFinite } }
    return [bad(train), bad(validation)].compactMap { $0 }.min().map { $0 + 1 }
  }

  /// The relative drop of the training loss from the first epoch to the last.
  var overallDrop: Double { relativeDrop(train, from: 0) }

  /// The index where the last quarter of the curve begins: a quarter of its epoch-to-epoch
  /// steps (at least 2) before the end.
  private var tailStart: Int { max(0, epochs - 1 - max(2, epochs / 4)) }

  /// The relative drop of the training loss over the last quarter of the epochs.
  var tailDrop: Double { relativeDrop(train, from: tailStart) }

  /// The share of the training loss's whole fall that came in the last quarter of the epochs:
  /// about a quarter for a steady descent, near 0 once the curve has flattened.
  var tailShare: Double {
    guard let first = train.first, let last = train.last, first > last else { return 0 }
    return (train[tailStart] - last) / (first - last)
  }

  /// The epoch of the lowest validation loss and that loss.
  var bestValidation: (epoch: Int, value: Double)? {
    validation.indices.min { validation[$0] < validation[$1] }.map { ($0 + 1, validation[$0]) }
  }

  /// The mean validation loss over the last tenth of the epochs (at least 3), and how many
  /// epochs that is: the level the curve ended at, steadier than its last value.
  var validationEnd: (level: Double, epochs: Int)? {
    let count = min(validation.count, max(3, validation.count / 10))
    guard count > 0 else { return nil }
    return (validation.suffix(count).reduce(0, +) / Double(count), count)
  }

  /// How jagged the curve is: the fraction of epochs on which it went up, and the mean size of
  /// those rises relative to the curve's mean level. The validation loss is read when there is one.
  var roughness: (risingFraction: Double, meanRise: Double) {
    let series = validation.isEmpty ? train : validation
    guard series.count >= 3 else { return (0, 0) }
    let rises = zip(series, series.dropFirst()).map { $1 - $0 }.filter { $0 > 0 }
    let level = series.reduce(0, +) / Double(series.count)
    guard level > 0, !rises.isEmpty else { return (0, 0) }
    let fraction = Double(rises.count) / Double(series.count - 1)
    return (fraction, rises.reduce(0, +) / Double(rises.count) / level)
  }

  private func relativeDrop(_ series: [Double], from start: Int) -> Double {
    guard let last = series.last, series.indices.contains(start), series[start] > 0 else {
      return 0
    }
    return (series[start] - last) / series[start]
  }
}
