import Charts
import Learning

/// Line charts of runs: one run's training and validation curves, several runs' curves of one
/// metric overlaid, or a learning-rate finder's loss against a log-scale rate.
enum RunCharts {
  /// One run: `metric` on the training data and `val_` + `metric` on the validation data.
  static func chart(of run: RunRecord, metric: String) throws -> LineChart {
    let base = metric.hasPrefix("val_") ? String(metric.dropFirst(4)) : metric
    let series = [("train", base), ("validation", "val_" + base)].compactMap { name, key in
      run.history[key].map { Series(name: name, values: $0) }
    }
    guard !series.isEmpty else { throw missing(metric, in: [run]) }
    return LineChart(
      title: "\(run.name): \(base)", xLabel: "epoch", yLabel: base, series: series)
  }

  /// Several runs: `metric` of each, named by the runs' names.
  static func chart(of runs: [RunRecord], metric: String) throws -> LineChart {
    let series = runs.compactMap { run in
      run.history[metric].map { Series(name: run.name, values: $0) }
    }
    guard !series.isEmpty else { throw missing(metric, in: runs) }
    return LineChart(title: metric, xLabel: "epoch", yLabel: metric, series: series)
  }

  /// A learning-rate range test: smoothed loss against the rate on a log scale.
  static func chart(of result: LearningRateFinderResult) -> LineChart {
    let suggestion = result.suggestion.map { ", suggested lr \(NumberFormat.format($0))" } ?? ""
    return LineChart(
      title: "loss vs learning rate\(suggestion)", xLabel: "learning rate", yLabel: "loss",
      series: [Series(name: "", x: result.rates, y: result.losses)], xScale: .log)
  }

  private static func missing(_ metric: String, in runs: [RunRecord]) -> CallError {
    let known = Set(runs.flatMap(\.history.keys)).subtracting([RunRecord.Series.seconds]).sorted()
    return CallError(
      "no run recorded `\(metric)`" + suggestion(for: metric, among: known),
      hint: "the runs recorded " + known.map { "`\($0)`" }.joined(separator: ", "),
      argument: "metric")
  }
}
