import Charts
import Foundation
import Learning

extension Builtin {
  /// Looking at runs: `plot`, `diagnose`, `runs`, `compare`, `export_tensorboard`.
  static var runBuiltins: [Builtin] {
    [
      Builtin(
        "plot", topic: .plotting,
        summary: "Draws a run's training and validation curves, several runs overlaid, an lr_find "
          + "curve, data, or a model's decision boundary.",
        parameters: [
          .required(
            "what",
            .either(
              .host("run"), .list(of: .host("run")), .host("lr_find result"), .host("dataset"),
              .host("model")),
            "A run, a list of runs, the result of lr_find, a dataset, or a model (with data)."),
          .optional(
            "data", .either(.host("dataset"), .none), default: .none,
            "The data to draw a model's decision boundary on."),
          .optional(
            "metric", .either(.string, .none), default: .none,
            "What to draw: loss (the default for one run), val_loss (for several), accuracy…"),
          .optional("to", .either(.string, .none), default: .none, "Also write the chart as SVG."),
        ],
        example: """
          run = fit(mlp(inputs: 2, seed: 1), moons(n: 100, seed: 1), epochs: 5, seed: 1)
          plot(run)
          """
      ) { arguments, context in
        if let drawn = try plotDataOrModel(arguments, context) { return drawn }
        let metric: String? = arguments.isNone("metric") ? nil : arguments.string("metric")
        let chart: LineChart
        switch arguments["what"] {
        case .host(let object as RunObject):
          chart = try RunCharts.chart(of: object.record, metric: metric ?? "loss")
        case .host(let object as RateFinderObject):
          chart = RunCharts.chart(of: object.result)
        default:
          let records = runs(in: arguments.list("what"))
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
          svg: svg, to: arguments["to"], context: context)
        return .none
      },
      Builtin(
        "diagnose", topic: .evaluation,
        summary: "Reads a run's curves and says in plain words what went right or wrong, and "
          + "what to try next.",
        parameters: [.required("run", .host("run"), "The run to read.")],
        example: """
          run = fit(mlp(inputs: 2, seed: 1), moons(n: 100, seed: 1), epochs: 5, seed: 1)
          diagnose(run)
          """
      ) { arguments, context in
        let run = arguments.host("run", as: RunObject.self)
        context.print(Diagnosis(of: run.record).text)
        return .none
      },
      Builtin(
        "runs", topic: .evaluation,
        summary: "The session's runs, oldest first; `all: true` adds the runs kept in the runs "
          + "folder by earlier sessions; `last: n` keeps the newest n.",
        parameters: [
          .optional("last", .either(.integer, .none), default: .none, "How many of the newest."),
          .optional(
            "all", .bool, default: .bool(false),
            "Also list the runs earlier sessions kept in the runs folder (`runs/`)."),
        ],
        example: "recent = runs(last: 3)\nearlier = runs(all: true)"
      ) { arguments, context in
        var all = context.session.runs.all
        if arguments.bool("all") {
          let saved = context.session.runs.saved()
          for note in saved.notes { context.print(note) }
          all = saved.runs
        }
        var count = all.count
        if case .number(let last) = arguments["last"] {
          guard last >= 0 else {
            throw CallError("`last` cannot be negative, got \(Int(last))", argument: "last")
          }
          count = min(all.count, Int(last))
        }
        return .list(all.suffix(count).map { .host($0) })
      },
      Builtin(
        "compare", topic: .evaluation,
        summary: "A table of runs side by side: status, best epoch, the settings that differ "
          + "between them (lr, optimizer, batch_size…), final losses and metrics, time.",
        parameters: [.required("runs", .list(of: .host("run")), "The runs to compare.")],
        example: """
          data = moons(n: 100, seed: 1)
          for lr in [0.001, 0.01] { fit(mlp(inputs: 2, seed: 1), data, optimizer: sgd(lr: lr), epochs: 3, name: "lr {lr}") }
          compare(runs())
          """
      ) { arguments, context in
        let records = runs(in: arguments.list("runs"))
        context.print(records.isEmpty ? "(no runs to compare)" : RunComparison.table(records))
        return .none
      },
      Builtin(
        "export_tensorboard", topic: .evaluation,
        summary: "Writes runs as TensorBoard event files, as Keras does: a folder per run with "
          + "train and validation curves under the same tags, and its settings as HParams.",
        parameters: [
          .required("runs", .list(of: .host("run")), "The runs to export."),
          .optional("to", .string, default: .string("tb"), "The folder to write into."),
        ],
        example: "export_tensorboard(runs(), to: \"tb\")"
      ) { arguments, context in
        let records = runs(in: arguments.list("runs"))
        guard !records.isEmpty else {
          context.print("(no runs to export)")
          return .none
        }
        let folder = try context.url(for: arguments.string("to"), argument: "to")
        try TensorBoardExport.write(records, to: folder)
        context.print(
          "wrote \(records.count) \(records.count == 1 ? "run" : "runs") for TensorBoard; view "
            + "them with tensorboard --logdir \(arguments.string("to"))")
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
