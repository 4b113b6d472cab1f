/// Runs of one setting repeated over seeds, read together: each series' spread over the seeds
/// per epoch (the band `plot` draws) and at the end (what `compare` tests).
public struct RunGroup: Sendable {
  /// The setting the runs share, as `name value` pairs (`lr 0.01`, `batch 16`); empty for a
  /// plain repeat over seeds.
  public var setting: [SweepSetting]
  /// The runs, one per seed, in the order of `seeds`.
  public var runs: [RunRecord]
  /// The seed each run was made with (for a sweep, the sweep's seed, from which the run's
  /// model, data order and dropout were seeded).
  public var seeds: [UInt64]

  /// A group of `runs` made with `setting`, one per seed of `seeds`.
  public init(setting: [SweepSetting] = [], seeds: [UInt64], runs: [RunRecord]) {
    precondition(seeds.count == runs.count, "a group needs one seed per run")
    self.setting = setting
    self.seeds = seeds
    self.runs = runs
  }

  /// The setting in words, `lr 0.01, batch 16`, or `seeds` for a plain repeat.
  public var name: String {
    setting.isEmpty ? "seeds" : setting.map(\.description).joined(separator: ", ")
  }

  /// The series every run compares on by default: `val_loss` when the runs were validated,
  /// else `loss`.
  public var defaultMetric: String {
    runs.contains { $0.history[RunRecord.Series.validationLoss] != nil }
      ? RunRecord.Series.validationLoss : RunRecord.Series.loss
  }

  /// The keys every run recorded a series for.
  public var keys: [String] {
    guard let first = runs.first else { return [] }
    return historyColumns(
      first.history.keys.filter { key in
        runs.allSatisfy { $0.history[key] != nil }
      })
  }

  /// Each run's last value of `key` (NaN for a run without one).
  public func finals(_ key: String) -> [Double] {
    runs.map { $0.finalMetrics[key] ?? $0.history[key]?.last ?? .nan }
  }

  /// The spread of the runs' last values of `key`; nil when none is finite.
  public func finalSpread(_ key: String) -> Spread? { Spread(finals(key)) }

  /// The spread of `key` over the runs at each epoch, epoch 1 first, as far as the longest run
  /// goes (a run that stopped early counts only in its own epochs).
  public func epochSpreads(_ key: String) -> [Spread?] {
    let series = runs.compactMap { $0.history[key] }
    let epochs = series.map(\.count).max() ?? 0
    return (0..<epochs).map { epoch in
      Spread(series.compactMap { epoch < $0.count ? $0[epoch] : nil })
    }
  }
}

/// One value of one axis of a sweep: `lr 0.01`, `batch 16`, `optimizer adam(lr: 0.01)`.
public struct SweepSetting: Sendable, Equatable, CustomStringConvertible {
  /// The axis, as the sweep named it.
  public var name: String
  /// The value on that axis.
  public var value: SettingValue

  /// The setting `name` = `value`.
  public init(name: String, value: SettingValue) {
    self.name = name
    self.value = value
  }

  /// `lr 0.01`.
  public var description: String { "\(name) \(value)" }
}

/// Whether a smaller value of the series `key` is better: losses and errors (`loss`,
/// `val_loss`, `mae`, `mse`, `rmse`), not scores (`accuracy`, `f1`, `auc`, `r2`…).
public func lowerIsBetter(_ key: String) -> Bool {
  let base = key.hasPrefix("val_") ? String(key.dropFirst(4)) : key
  return base.hasSuffix("loss") || ["mae", "mse", "rmse"].contains(base)
}
