import Learning

/// Runs of one setting over several seeds as a value of the language: it prints as each
/// series' mean ± standard deviation (min–max) at the end, plots as a mean with a band, and
/// compares with another group by asking whether the difference is more than seed noise.
public final class GroupObject: HostObject {
  /// The runs' statistics.
  public let group: RunGroup
  /// The runs as language values, one per seed.
  public let runObjects: [RunObject]

  init(setting: [SweepSetting], seeds: [UInt64], runs: [RunObject]) {
    group = RunGroup(setting: setting, seeds: seeds, runs: runs.map(\.record))
    runObjects = runs
  }

  public var typeName: String { "group" }

  /// `group lr 0.01 (3 seeds): val_loss 0.2312 ± 0.0123 (0.2201–0.2502)`.
  public var summary: String {
    let seeds = group.runs.count == 1 ? "1 seed" : "\(group.runs.count) seeds"
    let metric = group.defaultMetric
    return "group \(group.name) (\(seeds)): \(metric) "
      + (group.finalSpread(metric).map(GroupText.spread) ?? "–")
  }

  /// The summary, then every series' last values over the seeds.
  public var display: String {
    ([summary] + GroupText.finalLines(group)).joined(separator: "\n")
  }

  public var fieldNames: [String] {
    ["runs", "seeds", "setting", "mean", "std", "min", "max", "metric"]
  }

  public func field(named name: String) throws -> Value? {
    let metric = group.defaultMetric
    let spread = group.finalSpread(metric)
    func number(_ value: Double?) -> Value { value.map { .number($0) } ?? .none }
    switch name {
    case "runs": return .list(runObjects.map { .host($0) })
    case "seeds": return .list(group.seeds.map { .number(Double($0)) })
    case "setting": return .string(group.name)
    case "metric": return .string(metric)
    case "mean": return number(spread?.mean)
    case "std": return number(spread?.standardDeviation)
    case "min": return number(spread?.minimum)
    case "max": return number(spread?.maximum)
    default: return nil
    }
  }

  /// `group[i]` is the run of the i-th seed.
  public var elementCount: Int? { runObjects.count }

  public func element(at index: Int) throws -> Value { .host(runObjects[index]) }
}

/// A sweep's result: its groups (one per setting, each over the seeds), in the order of the
/// grid. It prints as the table `compare` gives, sorted by the metric.
public final class SweepObject: HostObject {
  /// The axes' names, in the order the sweep gave them.
  public let axes: [String]
  /// One group per setting that has runs.
  public let groups: [GroupObject]

  init(axes: [String], groups: [GroupObject]) {
    self.axes = axes
    self.groups = groups
  }

  public var typeName: String { "sweep" }

  /// Every run, setting by setting.
  var runObjects: [RunObject] { groups.flatMap(\.runObjects) }

  /// `sweep of 18 runs: 6 settings of lr, batch × 3 seeds`.
  public var summary: String {
    let seeds = Set(groups.flatMap(\.group.seeds)).count
    return "sweep of \(runObjects.count) runs: \(groups.count) settings of "
      + axes.joined(separator: ", ") + " × \(seeds) \(seeds == 1 ? "seed" : "seeds")"
  }

  /// The summary, then the table of `compare(sweep)`.
  public var display: String {
    let groups = groups.map(\.group)
    let metric = groups.first?.defaultMetric ?? RunRecord.Series.loss
    return summary + "\n" + GroupText.table(groups, axes: axes, metric: metric)
  }

  public var fieldNames: [String] { ["groups", "runs", "best", "runner_up", "p", "real", "axes"] }

  /// The groups best first, by the default metric at the last epoch.
  private var ranked: [GroupObject] {
    let metric = groups.first?.group.defaultMetric ?? RunRecord.Series.loss
    return GroupText.ranked(groups.map(\.group), metric: metric).map { groups[$0] }
  }

  /// The best group against the runner-up, as `compare(sweep)` weighs them.
  private var lead: GroupDifference? {
    let ranked = ranked
    guard ranked.count > 1 else { return nil }
    return GroupDifference(
      ranked[0].group, ranked[1].group, metric: ranked[0].group.defaultMetric)
  }

  public func field(named name: String) throws -> Value? {
    switch name {
    case "groups": return .list(groups.map { .host($0) })
    case "runs": return .list(runObjects.map { .host($0) })
    case "axes": return .list(axes.map { .string($0) })
    case "best": return ranked.first.map { .host($0) } ?? Value.none
    case "runner_up": return ranked.dropFirst().first.map { .host($0) } ?? Value.none
    case "p": return lead?.test.map { .number($0.p) } ?? Value.none
    case "real": return lead.map { .bool($0.verdict == .real) } ?? Value.none
    default: return nil
    }
  }

  /// `sweep[i]` is the group of the i-th setting.
  public var elementCount: Int? { groups.count }

  public func element(at index: Int) throws -> Value { .host(groups[index]) }
}
