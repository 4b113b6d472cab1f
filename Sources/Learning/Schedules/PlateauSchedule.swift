/// Reduce-on-plateau, per epoch: a state machine that lowers the rate when a monitored metric
/// stops improving, as PyTorch's `ReduceLROnPlateau` with its defaults.
///
/// After each epoch, `observe(metric)`: the metric improves on `best` if (mode min, relative)
/// `metric < best · (1 − threshold)` — or `> best · (1 + threshold)` in mode max, `< best −
/// threshold` / `> best + threshold` with an absolute threshold. Epochs without improvement are
/// counted (not during the `cooldown` epochs after a reduction); when the count exceeds
/// `patience`, `rate ← max(rate · factor, minimumRate)` (unless that changes it by under 1e-8)
/// and the count restarts. The whole state is `Codable`, so it is saved with a checkpoint.
public struct PlateauSchedule: Codable, Equatable, Sendable {
  /// Whether the monitored metric should fall (a loss) or rise (an accuracy).
  public enum Mode: String, Codable, Sendable {
    /// Lower is better.
    case min
    /// Higher is better.
    case max
  }

  /// Whether `threshold` is a fraction of the best value or an amount.
  public enum ThresholdMode: String, Codable, Sendable {
    /// Improvement means beating the best by `threshold · |best|`.
    case relative
    /// Improvement means beating the best by `threshold`.
    case absolute
  }

  /// The current learning rate.
  public private(set) var rate: Double
  /// Whether lower or higher is better.
  public var mode: Mode
  /// The factor the rate is multiplied by at a reduction.
  public var factor: Double
  /// Epochs without improvement tolerated before a reduction.
  public var patience: Int
  /// How much better than the best a value must be to count as an improvement.
  public var threshold: Double
  /// Whether `threshold` is relative or absolute.
  public var thresholdMode: ThresholdMode
  /// Epochs after a reduction during which bad epochs are not counted.
  public var cooldown: Int
  /// The rate is never reduced below this.
  public var minimumRate: Double
  /// The best metric so far.
  public private(set) var best: Double
  /// Epochs since the last improvement (or reduction).
  public private(set) var badEpochs = 0
  /// Cooldown epochs left.
  public private(set) var cooldownLeft = 0

  /// A reducer starting at `initialRate`, with PyTorch's defaults.
  public init(
    initialRate: Double, mode: Mode = .min, factor: Double = 0.1, patience: Int = 10,
    threshold: Double = 1e-4, thresholdMode: ThresholdMode = .relative, cooldown: Int = 0,
    minimumRate: Double = 0
  ) throws(ScheduleError) {
    guard factor < 1, factor >= 0 else {
      throw ScheduleError("reduce-on-plateau needs a factor in [0, 1), got \(factor)")
    }
    rate = initialRate
    self.mode = mode
    self.factor = factor
    self.patience = patience
    self.threshold = threshold
    self.thresholdMode = thresholdMode
    self.cooldown = cooldown
    self.minimumRate = minimumRate
    best = mode == .min ? .infinity : -.infinity
  }

  /// Records the epoch's metric; returns whether the rate was reduced. A NaN never improves.
  @discardableResult
  public mutating func observe(_ metric: Double) -> Bool {
    if improves(metric) {
      best = metric
      badEpochs = 0
    } else {
      badEpochs += 1
    }
    if cooldownLeft > 0 {
      cooldownLeft -= 1
      badEpochs = 0
    }
    guard badEpochs > patience else { return false }
    cooldownLeft = cooldown
    badEpochs = 0
    let reduced = Swift.max(rate * factor, minimumRate)
    guard rate - reduced > 1e-8 else { return false }
    rate = reduced
    return true
  }

  /// Whether `metric` beats `best` by the threshold.
  private func improves(_ metric: Double) -> Bool {
    switch (mode, thresholdMode) {
    case (.min, .relative): metric < best * (1 - threshold)
    case (.min, .absolute): metric < best - threshold
    case (.max, .relative): metric > best * (1 + threshold)
    case (.max, .absolute): metric > best + threshold
    }
  }
}
