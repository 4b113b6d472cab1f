import Charts
import Foundation
import Learning

extension Builtin {
  /// Looking at runs: `plot`, `diagnose`, `runs`, `compare`, `export_tensorboard`.
  static var runBuiltins: [Builtin] {
    let what = Declared.value(
      "what",
      .either(
        .host("run"), .list(of: .host("run")), .host("lr_find result"), .host("dataset"),
        .host("model")),
      "A run, a list of runs, the result of lr_find, a dataset, or a model (with data).")
    let boundaryData = Declared.value(
      "data", .either(.host("dataset"), .none), default: Value.none,
      "The data to draw a model's decision boundary on.")
    let metricName = Declared.value(
      "metric", .either(.string, .none), default: Value.none,
      "What to draw: loss (the default for one run), val_loss (for several), accuracy…")
    let svgFile = Declared.value(
      "to", .either(.string, .none), default: Value.none, "Also write the chart as SVG.")
    let read = Declared<RunObject>.object("run", "run", "The run to read.")
    let explain = Declared.bool(
      "explain", default: false, "Also list the numbers each rule looked at and its test.")
    let last = Declared.integerOrNone("last", "How many of the newest.")
      .valid(ValidRange.atLeast(0).saying("cannot be negative"))
    let everySession = Declared.bool(
      "all", default: false,
      "Also list the runs earlier sessions kept in the runs folder (`runs/`).")
    let compared = Declared.list("runs", .list(of: .host("run")), "The runs to compare.")
    let exported = Declared.list("runs", .list(of: .host("run")), "The runs to export.")
    let folder = Declared.string("to", default: "tb", "The folder to write into.")
    return [
      Builtin(
        "plot", topic: .plotting,
        summary: "Draws a run's training and validation curves, several runs overlaid, an lr_find "
          + "curve, data, or a model's decision boundary.",
        parameters: [what, boundaryData, metricName, svgFile],
        example: """
          run = fit(mlp(inputs: 2, seed: 1), moons(n: 100, seed: 1), epochs: 5, seed: 1)
          plot(run)
          """
      ) { arguments, context in
        if let drawn = try plotDataOrModel(
          arguments[what], data: arguments[boundaryData], to: arguments[svgFile], context: context)
        {
          return drawn
        }
        var metric: String?
        if case .string(let name) = arguments[metricName] { metric = name }
        let chart: LineChart
        switch arguments[what] {
        case .host(let object as RunObject):
          chart = try RunCharts.chart(of: object.record, metric: metric ?? "loss")
        case .host(let object as RateFinderObject):
          chart = RunCharts.chart(of: object.result)
        default:
          guard case .list(let values) = arguments[what] else { return .none }
          let records = runs(in: values)
          guard !records.isEmpty else {
            context.print("(no runs to plot; fit a model first)")
            return .none
          }
          let fallback = records.contains { $0.history["val_loss"] != nil } ? "val_loss" : "loss"
          chart = try RunCharts.chart(of: records, metric: metric ?? fallback)
        }
        let svg = chart.svg()
        try emit(
          terminal: chart.render(width: 72, height: 18, color: context.session.usesColor),
          svg: svg, to: arguments[svgFile], context: context)
        return .none
      },
      Builtin(
        "diagnose", topic: .evaluation,
        summary: "Reads a run's curves against its data's reference levels and says in plain "
          + "words what went right or wrong, and what to try next, as code.",
        parameters: [read, explain],
        example: """
          run = fit(mlp(inputs: 2, seed: 1), moons(n: 100, seed: 1), epochs: 5, seed: 1)
          diagnose(run)
          """
      ) { arguments, context in
        context.print(
          DiagnosisText.text(Diagnosis(of: arguments[read].record), explain: arguments[explain]))
        return .none
      }.detailed(DiagnosisText.verdictHelp),
      Builtin(
        "runs", topic: .evaluation,
        summary: "The session's runs, oldest first; `all: true` adds the runs kept in the runs "
          + "folder by earlier sessions; `last: n` keeps the newest n.",
        parameters: [last, everySession],
        example: "recent = runs(last: 3)\nearlier = runs(all: true)"
      ) { arguments, context in
        var all = context.session.runs.all
        if arguments[everySession] {
          let saved = context.session.runs.saved()
          for note in saved.notes { context.print(note) }
          all = saved.runs
        }
        var count = all.count
        if let last = arguments[last] { count = min(all.count, last) }
        return .list(all.suffix(count).map { .host($0) })
      },
      Builtin(
        "compare", topic: .evaluation,
        summary: "A table of runs side by side: status, best epoch, the settings that differ "
          + "between them (lr, optimizer, batch_size…), final losses and metrics, time.",
        parameters: [compared],
        example: """
          data = moons(n: 100, seed: 1)
          for lr in [0.001, 0.01] { fit(mlp(inputs: 2, seed: 1), data, optimizer: sgd(lr: lr), epochs: 3, name: "lr {lr}") }
          compare(runs())
          """
      ) { arguments, context in
        let records = runs(in: arguments[compared])
        context.print(records.isEmpty ? "(no runs to compare)" : RunComparison.table(records))
        return .none
      },
      Builtin(
        "export_tensorboard", topic: .evaluation,
        summary: "Writes runs as TensorBoard event files, as Keras does: a folder per run with "
          + "train and validation curves under the same tags, and its settings as HParams.",
        parameters: [exported, folder],
        example: "export_tensorboard(runs(), to: \"tb\")"
      ) { arguments, context in
        let records = runs(in: arguments[exported])
        guard !records.isEmpty else {
          context.print("(no runs to export)")
          return .none
        }
        let path = arguments[folder]
        try TensorBoardExport.write(
          records, to: try context.folderURL(for: path, argument: folder.label))
        context.print(
          "wrote \(records.count) \(records.count == 1 ? "run" : "runs") for TensorBoard; view "
            + "them with tensorboard --logdir \(path)")
        return .none
      },
    ]
  }

  /// The records of the runs in `values` (checked to be runs).
  private static func runs(in values: [Value]) -> [RunRecord] {
    values.compactMap { value in
      if case .host(let object as RunObject) = value { object.record } else { nil }
    }
  }
}
