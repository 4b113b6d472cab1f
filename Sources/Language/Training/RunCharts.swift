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
