import Charts
import Learning

/// Line charts of runs: one run's training and validation curves, several runs' curves of one
/// metric overlaid, or a learning-rate finder's loss against a log-scale rate.
///
/// A loss is drawn on a log-scale y axis when `logY` says so or, left to choose, when its values
/// span more than two decades or its first epochs dwarf the rest (which would squash every later
/// epoch into a flat line at the bottom).
enum RunCharts {
  /// One run: `metric` on the training data and `val_` + `metric` on the validation data.
  static func chart(of run: RunRecord, metric: String, logY: Bool? = nil) throws -> LineChart {
    let base = metric.hasPrefix("val_") ? String(metric.dropFirst(4)) : metric
    let series = [("train", base), ("validation", "val_" + base)].compactMap { name, key in
      run.history[key].map { Series(name: name, values: $0) }
    }
    guard !series.isEmpty else { throw missing(metric, in: [run]) }
    return LineChart(
      title: "\(run.name): \(base)", xLabel: "epoch", yLabel: base, series: series,
      yScale: yScale(logY, metric: base, series: series))
  }

  /// Several runs: `metric` of each, named in the legend by `names` (one per run).
  static func chart(
    of runs: [RunRecord], names: [String], metric: String, logY: Bool? = nil
  ) throws -> LineChart {
    let series = zip(runs, names).compactMap { run, name in
      run.history[metric].map { Series(name: name, values: $0) }
    }
    guard !series.isEmpty else { throw missing(metric, in: runs) }
    return LineChart(
      title: metric, xLabel: "epoch", yLabel: metric, series: series,
      yScale: yScale(logY, metric: metric, series: series))
  }

  /// One group of runs over seeds: the mean of `metric` on the training and the validation
  /// data, each with a band of ± one standard deviation over the seeds.
  static func chart(
    of group: RunGroup, name: String, metric: String, logY: Bool? = nil
  ) throws -> LineChart {
    let base = metric.hasPrefix("val_") ? String(metric.dropFirst(4)) : metric
    let series = [("train", base), ("validation", "val_" + base)].compactMap { name, key in
      banded(group, key, name: name)
    }
    guard !series.isEmpty else { throw missing(metric, in: group.runs) }
    return LineChart(
      title: "\(name): \(base), mean of \(seedCount(group.runs.count)) ± 1 std",
      xLabel: "epoch", yLabel: base, series: series,
      yScale: yScale(logY, metric: base, series: series))
  }

  /// Several groups: each one's mean of `metric` with its band, named by `names`.
  static func chart(
    of groups: [RunGroup], names: [String], metric: String, logY: Bool? = nil
  ) throws -> LineChart {
    let series = zip(groups, names).compactMap { group, name in banded(group, metric, name: name) }
    guard !series.isEmpty else { throw missing(metric, in: groups.flatMap(\.runs)) }
    return LineChart(
      title: "\(metric): mean over seeds ± 1 std", xLabel: "epoch", yLabel: metric,
      series: series, yScale: yScale(logY, metric: metric, series: series))
  }

  /// The mean of `key` over the group's seeds per epoch, banded by ± one standard deviation;
  /// nil when no run recorded `key`.
  private static func banded(_ group: RunGroup, _ key: String, name: String) -> Series? {
    guard group.runs.contains(where: { $0.history[key] != nil }) else { return nil }
    let spreads = group.epochSpreads(key)
    let means = spreads.map { $0?.mean ?? .nan }
    let deviations = spreads.map { $0?.standardDeviation ?? .nan }
    return Series(
      name: name, values: means,
      band: Band(
        lower: zip(means, deviations).map { $0 - $1 },
        upper: zip(means, deviations).map { $0 + $1 }))
  }

  private static func seedCount(_ count: Int) -> String { count == 1 ? "1 seed" : "\(count) seeds" }

  /// A learning-rate range test: smoothed loss against the rate on a log scale, with the
  /// suggested rate marked by a vertical line named in the legend.
  static func chart(of result: LearningRateFinderResult, logY: Bool? = nil) -> LineChart {
    var series = [Series(name: "loss", x: result.rates, y: result.losses)]
    let finite = result.losses.filter(\.isFinite)
    if let suggestion = result.suggestion, let low = finite.min(), let high = finite.max() {
      series.append(
        Series(
          name: "suggested lr \(NumberFormat.format(suggestion))", x: [suggestion, suggestion],
          y: [low, high], style: .dashed))
    }
    return LineChart(
      title: "loss vs learning rate", xLabel: "learning rate", yLabel: "loss", series: series,
      xScale: .log, yScale: logY == true ? .log : .linear)
  }

  /// The y scale for `series` of `metric`: as `logY` says, else log for a loss whose values span
  /// more than two decades or whose highest value is five times its median or more (the first
  /// epochs dwarf the rest).
  static func yScale(_ logY: Bool?, metric: String, series: [Series]) -> AxisScale {
    if let logY { return logY ? .log : .linear }
    guard metric.hasSuffix("loss") else { return .linear }
    let values = series.flatMap(\.y).filter(\.isFinite).sorted()
    guard let low = values.first, let high = values.last, low > 0 else { return .linear }
    let median = values[values.count / 2]
    return high / low > 100 || high >= 5 * median ? .log : .linear
  }

  private static func missing(_ metric: String, in runs: [RunRecord]) -> CallError {
    let known = Set(runs.flatMap(\.history.keys)).subtracting([RunRecord.Series.seconds]).sorted()
    return CallError(
      "no run recorded `\(metric)`" + suggestion(for: metric, among: known),
      hint: "the runs recorded " + known.map { "`\($0)`" }.joined(separator: ", "),
      argument: "metric")
  }
}
