import Charts
import Datasets
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
          .optional(
            "log_y", .either(.bool, .none), default: .none,
            "A log-scale y axis: true, false, or none to choose (log for a loss spanning more "
              + "than two decades or whose first epochs dwarf the rest)."),
        ],
        example: """
          run = fit(mlp(inputs: 2, seed: 1), moons(n: 100, seed: 1), epochs: 5, seed: 1)
          plot(run, log_y: true)
          """
      ) { arguments, context in
        if let drawn = try plotDataOrModel(arguments, context) { return drawn }
        let metric: String? = arguments.isNone("metric") ? nil : arguments.string("metric")
        let logY: Bool? = arguments.isNone("log_y") ? nil : arguments.bool("log_y")
        let chart: LineChart
        switch arguments["what"] {
        case .host(let object as RunObject):
          chart = try RunCharts.chart(of: object.record, metric: metric ?? "loss", logY: logY)
        case .host(let object as RateFinderObject):
          chart = RunCharts.chart(of: object.result, logY: logY)
        default:
          let objects = runs(in: arguments.list("what"))
          let records = objects.map(\.record)
          guard !records.isEmpty else {
            context.print("(no runs to plot; fit a model first)")
            return .none
          }
          let fallback = records.contains { $0.history["val_loss"] != nil } ? "val_loss" : "loss"
          chart = try RunCharts.chart(
            of: records, names: legendNames(objects, in: context.session),
            metric: metric ?? fallback, logY: logY)
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
        "check_data", topic: .evaluation,
        summary: "Refuses a run that trained on a validation or test part, or was validated on "
          + "its own training data, saying why that misleads; optionally, the parts it should "
          + "have used.",
        parameters: [
          .required("run", .host("run"), "The run to check."),
          .optional(
            "train", .either(.host("dataset"), .none), default: .none,
            "The data the run should have trained on."),
          .optional(
            "validation", .either(.host("dataset"), .none), default: .none,
            "The data the run should have been validated on."),
        ],
        example: """
          train, val = split(moons(n: 100, seed: 1), [0.8, 0.2], seed: 1)
          run = fit(mlp(inputs: 2, seed: 1), train, validation: val, epochs: 2, seed: 1)
          check_data(run, train: train, validation: val)
          """
      ) { arguments, context in
        guard let route = arguments.host("run", as: RunObject.self).route else {
          throw CallError(
            "this run was kept by an earlier session; the data it trained on is not in this one",
            hint: "check the runs this session trains", argument: "run")
        }
        let validation = route.validation?.dataset
        if let problem = HeldOutData.problem(training: route.data.dataset, validation: validation) {
          throw CallError(problem, argument: "run")
        }
        let expected: [(label: String, used: Dataset?)] = [
          ("train", route.data.dataset), ("validation", validation),
        ]
        for (label, used) in expected {
          guard case .host(let object as DatasetObject) = arguments[label] else { continue }
          let wanted = object.dataset
          guard let used, used.features == wanted.features, used.targets == wanted.targets
          else {
            let what = label == "train" ? "trained on" : "been validated on"
            let instead = used.map { "it used \($0.name) (\($0.count) samples)" }
            throw CallError(
              "the run should have \(what) \(wanted.name) (\(wanted.count) samples), but "
                + (instead ?? "it had no validation data"),
              argument: label)
          }
        }
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
        let records = runs(in: arguments.list("runs")).map(\.record)
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
        let records = runs(in: arguments.list("runs")).map(\.record)
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
  private static func runs(in values: [Value]) -> [RunObject] {
    values.compactMap { value in
      if case .host(let object as RunObject) = value { object } else { nil }
    }
  }

  /// The names of `runs` for a legend: a run's own name, or, for a run left with the default
  /// name `run N`, the first variable (alphabetically) it is bound to, so that `plot([bumpy,
  /// calm])` says `bumpy` and `calm` as the lesson text does.
  private static func legendNames(_ runs: [RunObject], in session: Session) -> [String] {
    runs.map { run in
      let name = run.record.name
      guard name.hasPrefix("run "), Int(name.dropFirst(4)) != nil else { return name }
      let bound = session.values.keys.sorted().first { key in
        if case .host(let object) = session.values[key], object === run { return true }
        return false
      }
      return bound ?? name
    }
  }
}
