import Charts
import Learning

extension Builtin {
  /// Sweeps: `sweep(…) { … }` (documented here; the interpreter runs its block) and
  /// `heatmap(sweep)`.
  static var sweeps: [Builtin] {
    let seeds = Declared.value(
      "seeds", .either(.integer, .list(of: .integer)), default: .number(3),
      "How many seeds to repeat each setting with (seeds 1 to n), or a list of seeds. Inside "
        + "the block, `seed` is the run's seed, and every call given no seed of its own (the "
        + "model's weights, fit's batch order and dropout) is seeded with it.")
    let axes: BuiltinParameter = .variadic(
      "axis", .list(of: .any),
      "Written `label: [values]`, any other label is an axis: its list holds the values to try, and inside the block the "
        + "label names the run's value (`lr: [0.001, 0.01]` gives `lr`). Runs cover every "
        + "combination of the axes, each over every seed.")
    let swept = Declared<SweepObject>.object("sweep", "sweep", "A sweep of two axes.")
    let metric = Declared.value(
      "metric", .either(.string, .none), default: Value.none,
      "The series shown, at the last epoch: val_loss (with validation data, else loss), "
        + "accuracy…")
    return [
      Builtin(
        "heatmap", topic: .plotting,
        summary: "Draws a sweep of two axes as a grid: the first axis down, the second across, "
          + "each cell the mean over seeds of the metric at the last epoch, darker where better.",
        parameters: [swept, metric, chartFile],
        example: """
          data = moons(n: 100, seed: 1)
          s = sweep(lr: [0.01, 0.1], batch: [16, 32], seeds: 2) {
            fit(mlp(inputs: 2, hidden: [8], outputs: 1), data, optimizer: adam(lr: lr), batch: batch, epochs: 2)
          }
          heatmap(s)
          """
      ) { arguments, context in
        let sweep = arguments[swept]
        guard sweep.axes.count == 2 else {
          throw CallError(
            "heatmap draws a sweep of two axes; this one has \(sweep.axes.count) ("
              + sweep.axes.joined(separator: ", ") + ")",
            hint: "compare(sweep) lists every setting as a table", argument: "sweep")
        }
        let chart = heatmap(
          sweep, metric: try groupMetric(arguments[metric], of: sweep.groups))
        try emit(svg: chart.svg(), to: arguments[chartFile], context: context) {
          chart.render(color: $0)
        }
        return .none
      },
      Builtin(
        "sweep", topic: .training,
        summary: "Trains every combination of a few settings over several seeds, in parallel on "
          + "every core, and returns the runs grouped by setting: `sweep(lr: [0.01, 0.1], "
          + "seeds: 3) { fit(…) }`. With seeds alone it returns one group.",
        parameters: [axes, seeds],
        example: """
          data = moons(n: 100, seed: 1)
          s = sweep(lr: [0.01, 0.1], seeds: 2) {
            fit(mlp(inputs: 2, hidden: [8], outputs: 1), data, optimizer: adam(lr: lr), epochs: 3)
          }
          compare(s)
          """
      ) { _, _ in throw sweepWithoutBlock }.detailed([
        "The block runs once per setting and seed, one after another, and must call fit once;",
        "the fits then train in parallel, on as many threads as TRAINBOOK_THREADS allows (all",
        "cores by default), each giving the same numbers as the same fit trained alone.",
        "Ctrl-C stops the sweep and keeps the runs that had finished.",
      ]),
    ]
  }

  /// What `sweep(…)` without a block is told (a sweep with a block never calls the built-in).
  static let sweepWithoutBlock = CallError(
    "`sweep(…)` takes a block after its arguments with the fit to run",
    hint: "sweep(lr: [0.01, 0.1], seeds: 3) { fit(mlp(inputs: 2, seed: seed), data, "
      + "optimizer: adam(lr: lr)) }")

  /// The heatmap of a two-axis sweep: each group's mean of `metric` at its setting.
  private static func heatmap(_ sweep: SweepObject, metric: String) -> HeatmapChart {
    func labels(_ axis: String) -> [String] {
      var seen: [String] = []
      for group in sweep.groups {
        for setting in group.group.setting where setting.name == axis {
          if !seen.contains("\(setting.value)") { seen.append("\(setting.value)") }
        }
      }
      return seen
    }
    let (rows, columns) = (labels(sweep.axes[0]), labels(sweep.axes[1]))
    let means = rows.map { row in
      columns.map { column -> Double? in
        sweep.groups.first { group in
          group.group.setting.map { "\($0.value)" } == [row, column]
        }?.group.finalSpread(metric)?.mean
      }
    }
    let seeds = sweep.groups.map(\.group.runs.count).max() ?? 0
    return HeatmapChart(
      title: "\(metric) at the last epoch, mean of \(seeds) \(seeds == 1 ? "seed" : "seeds")",
      rowName: sweep.axes[0], columnName: sweep.axes[1], rowLabels: rows, columnLabels: columns,
      values: means, texts: means.map { $0.map { $0.map(NumberFormat.format) ?? "–" } },
      lowerIsBetter: lowerIsBetter(metric))
  }
}
