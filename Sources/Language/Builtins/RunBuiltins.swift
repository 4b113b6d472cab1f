import Charts
import Datasets
import Foundation
import Learning

extension Builtin {
  /// Looking at runs: `plot`, `diagnose`, `runs`, `compare`, `export_tensorboard`.
  static var runBuiltins: [Builtin] {
    let what = Declared.value(
      "what",
      .either(
        [
          .host("run"), .list(of: .host("run")), .host("lr_find result"), .host("dataset"),
          .host("model"),
        ] + groupTypes),
      "A run, a list of runs, a group or sweep (means over seeds with a band of ± 1 std), the "
        + "result of lr_find, a dataset, or a model (with data).")
    let boundaryData = Declared.value(
      "data", .either(.host("dataset"), .none), default: Value.none,
      "The data to draw a model's decision boundary on.")
    let metricName = Declared.value(
      "metric", .either(.string, .none), default: Value.none,
      "What to draw: loss (the default for one run), val_loss (for several), accuracy…")
    let svgFile = Declared.value(
      "to", .either(.string, .none), default: Value.none, "Also write the chart as SVG.")
    let logScale = Declared.value(
      "log_y", .either(.bool, .none), default: Value.none,
      "A log-scale y axis: true, false, or none to choose (log for a loss spanning more than "
        + "two decades or whose first epochs dwarf the rest).")
    let checked = Declared<RunObject>.object("run", "run", "The run to check.")
    let expectedTraining = Declared.value(
      "train", .either(.host("dataset"), .none), default: Value.none,
      "The data the run should have trained on.")
    let expectedValidation = Declared.value(
      "validation", .either(.host("dataset"), .none), default: Value.none,
      "The data the run should have been validated on.")
    let read = Declared<RunObject>.object("run", "run", "The run to read.")
    let explain = Declared.bool(
      "explain", default: false, "Also list the numbers each rule looked at and its test.")
    let last = Declared.integerOrNone("last", "How many of the newest.")
      .valid(ValidRange.atLeast(0).saying("cannot be negative"))
    let everySession = Declared.bool(
      "all", default: false,
      "Also list the runs earlier sessions kept in the runs folder (`runs/`).")
    let compared = Declared.value(
      "runs", .either([.list(of: .host("run"))] + groupTypes),
      "The runs to compare, a sweep, or a group (with `other`).")
    let otherGroup = Declared.value(
      "other", .either(.host("group"), .none), default: Value.none,
      "A second group: says whether the two differ by more than the spread over seeds.")
    let groupMetric = Declared.value(
      "metric", .either(.string, .none), default: Value.none,
      "The series groups are compared on, at the last epoch: val_loss (with validation data, "
        + "else loss), accuracy…")
    let exported = Declared.value(
      "runs", .either([.list(of: .host("run"))] + groupTypes),
      "The runs to export: a list of runs, a group or a sweep.")
    let folder = Declared.string("to", default: "tb", "The folder to write into.")
    return [
      Builtin(
        "plot", topic: .plotting,
        summary: "Draws a run's training and validation curves, several runs overlaid, an lr_find "
          + "curve, data, or a model's decision boundary.",
        parameters: [what, boundaryData, metricName, svgFile, logScale],
        example: """
          run = fit(mlp(inputs: 2, seed: 1), moons(n: 100, seed: 1), epochs: 5, seed: 1)
          plot(run, log_y: true)
          """
      ) { arguments, context in
        if let drawn = try plotDataOrModel(
          arguments[what], data: arguments[boundaryData], to: arguments[svgFile], context: context)
        {
          return drawn
        }
        var metric: String?
        if case .string(let name) = arguments[metricName] { metric = name }
        var logY: Bool?
        if case .bool(let flag) = arguments[logScale] { logY = flag }
        let chart: LineChart
        switch arguments[what] {
        case let value where groups(in: value) != nil:
          chart = try groupChart(
            groups(in: value) ?? [], metric: arguments[metricName], logY: logY,
            context: context)
        case .host(let object as RunObject):
          chart = try RunCharts.chart(of: object.record, metric: metric ?? "loss", logY: logY)
        case .host(let object as RateFinderObject):
          chart = RunCharts.chart(of: object.result, logY: logY)
        default:
          guard case .list(let values) = arguments[what] else { return .none }
          let objects = runs(in: values)
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
        try emit(svg: svg, to: arguments[svgFile], context: context) {
          chart.render(width: 72, height: 18, color: $0)
        }
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
        "check_data", topic: .evaluation,
        summary: "Refuses a run that trained on a validation or test part, or was validated on "
          + "its own training data, saying why that misleads; optionally, the parts it should "
          + "have used.",
        parameters: [checked, expectedTraining, expectedValidation],
        example: """
          train, val = split(moons(n: 100, seed: 1), [0.8, 0.2], seed: 1)
          run = fit(mlp(inputs: 2, seed: 1), train, validation: val, epochs: 2, seed: 1)
          check_data(run, train: train, validation: val)
          """
      ) { arguments, context in
        guard let route = arguments[checked].route else {
          throw CallError(
            "this run was kept by an earlier session; the data it trained on is not in this one",
            hint: "check the runs this session trains", argument: "run")
        }
        let validation = route.validation?.dataset
        if let problem = HeldOutData.problem(training: route.data.dataset, validation: validation) {
          throw CallError(problem, argument: "run")
        }
        let expected: [(label: String, wanted: Value, used: Dataset?)] = [
          ("train", arguments[expectedTraining], route.data.dataset),
          ("validation", arguments[expectedValidation], validation),
        ]
        for (label, wantedValue, used) in expected {
          guard case .host(let object as DatasetObject) = wantedValue else { continue }
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
        parameters: [compared, otherGroup, groupMetric],
        example: """
          data = moons(n: 100, seed: 1)
          for lr in [0.001, 0.01] { fit(mlp(inputs: 2, seed: 1), data, optimizer: sgd(lr: lr), epochs: 3, name: "lr {lr}") }
          compare(runs())
          """
      ) { arguments, context in
        if groups(in: arguments[compared]) != nil {
          context.print(
            try compareGroups(
              arguments[compared], other: arguments[otherGroup], metric: arguments[groupMetric],
              context: context))
          return .none
        }
        for given in [otherGroup, groupMetric] where arguments.isGiven(given) {
          throw CallError(
            "`\(given.label)` compares groups of runs over seeds, not a list of runs",
            hint: "make groups with sweep(…, seeds: 3) { fit(…) }", argument: given.label)
        }
        let records = runObjects(in: arguments[compared]).map(\.record)
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
        let records = runObjects(in: arguments[exported]).map(\.record)
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
