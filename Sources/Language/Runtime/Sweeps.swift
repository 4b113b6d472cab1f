import Engine
import Learning

/// `sweep(lr: [0.001, 0.01], batch: [16, 64], seeds: 3) { fit(…) }`: the block runs once per
/// setting and seed, with each axis's label and `seed` naming that run's values, and gathers
/// one fit per run; the fits then train in parallel (`SweepTraining`).
extension Session {
  /// The most runs one sweep may have.
  static let maximumSweepRuns = 10_000

  /// Runs the sweep written as `sweep(arguments) { body }` at `range` and returns its runs: a
  /// group for a repeat over seeds alone, else a sweep of groups.
  func sweep(_ arguments: [Argument], body: [Statement], at range: SourceRange) throws -> Value {
    guard sweepInProgress == nil else {
      throw Diagnostic(
        range: range, message: "a sweep cannot run inside another sweep's block",
        hint: "give one sweep every axis: sweep(lr: […], batch: […]) { … }")
    }
    let plan = try sweepPlan(arguments, at: range)
    let collector = SweepCollector(plan: plan)
    let names = plan.axes.map(\.name) + ["seed"]
    let saved = names.map { values[$0] }
    let savedRandom = random
    sweepInProgress = collector
    defer {
      sweepInProgress = nil
      random = savedRandom
      for (name, value) in zip(names, saved) { restoreVariable(name, to: value) }
    }
    for point in plan.points {
      if cancellation.isCancelled { throw Diagnostic(range: range, message: "interrupted") }
      for (axis, value) in zip(plan.axes, point.values) { define(axis.name, as: value) }
      define("seed", as: .number(Double(point.seed)))
      random = RandomGenerator(seed: point.seed)
      collector.current = point
      try execute(body, atTopLevel: false)
      guard collector.fits.count == point.index + 1 else {
        throw Diagnostic(
          range: range, message: "the sweep's block trained nothing for \(point.description)",
          hint: "the block trains one run per setting and seed with fit(…), e.g. "
            + "sweep(lr: [0.01, 0.1]) { fit(mlp(inputs: 2, seed: seed), data, "
            + "optimizer: adam(lr: lr)) }")
      }
    }
    sweepInProgress = nil
    random = savedRandom
    for (name, value) in zip(names, saved) { restoreVariable(name, to: value) }
    let context = CallContext(session: self, name: "sweep")
    return try hostCall(at: range) { try SweepTraining.train(collector, context: context) }
  }

  /// The axes, seeds and runs of a sweep from its evaluated arguments.
  private func sweepPlan(_ arguments: [Argument], at range: SourceRange) throws -> SweepPlan {
    var axes: [SweepPlan.Axis] = []
    var seeds: [UInt64] = [1, 2, 3]
    for argument in arguments {
      guard let label = argument.label else {
        throw Diagnostic(
          range: argument.range, message: "a sweep's axes need names",
          hint: "name each setting you vary: sweep(lr: [0.01, 0.1], seeds: 3) { … }")
      }
      let value = try evaluate(argument.value)
      if label == "seeds" {
        seeds = try sweepSeeds(value, at: argument.range)
        continue
      }
      guard label != "seed" else {
        throw Diagnostic(
          range: argument.range, message: "a sweep takes its seeds as `seeds:`",
          hint: "seeds: 5 runs seeds 1 to 5; seeds: [7, 8] runs those two")
      }
      guard !axes.contains(where: { $0.name == label }) else {
        throw Diagnostic(range: argument.range, message: "the axis `\(label)` is given twice")
      }
      guard case .list(let list) = value else {
        throw Diagnostic(
          range: argument.range,
          message: "`\(label)` takes a list of the values to sweep, got \(value.typeDescription)",
          hint: "write \(label): [\(value.summary), …] with each value to try")
      }
      guard !list.isEmpty else {
        throw Diagnostic(
          range: argument.range, message: "`\(label)` lists no values to sweep",
          hint: "write \(label): [a, b, …] with each value to try")
      }
      axes.append(SweepPlan.Axis(name: label, values: list))
    }
    let count = axes.reduce(seeds.count) { total, axis in
      let (product, overflow) = total.multipliedReportingOverflow(by: axis.values.count)
      return overflow ? Int.max : product
    }
    guard count <= Self.maximumSweepRuns, count > 0 else {
      throw Diagnostic(
        range: range,
        message: "this sweep would train \(count) runs, more than \(Self.maximumSweepRuns)",
        hint: "sweep fewer values or seeds at a time")
    }
    return SweepPlan(axes: axes, seeds: seeds)
  }

  /// `seeds: n` (seeds 1 to n) or `seeds: [s, …]` (those seeds, whole, distinct, from 0).
  private func sweepSeeds(_ value: Value, at range: SourceRange) throws -> [UInt64] {
    let hint = "seeds: 5 runs seeds 1 to 5; seeds: [7, 8] runs those two"
    switch value {
    case .number(let count):
      guard let whole = Int(exactly: count), (1...Self.maximumSweepRuns).contains(whole) else {
        throw Diagnostic(
          range: range,
          message: "`seeds` must be a whole number of seeds from 1 to \(Self.maximumSweepRuns), "
            + "got " + value.summary, hint: hint)
      }
      return (1...whole).map(UInt64.init)
    case .list(let list) where !list.isEmpty:
      let seeds = try list.map { element -> UInt64 in
        guard case .number(let number) = element, let seed = UInt64(exactly: number) else {
          throw Diagnostic(
            range: range, message: "a seed is a whole number from 0, got \(element.summary)",
            hint: hint)
        }
        return seed
      }
      guard Set(seeds).count == seeds.count else {
        throw Diagnostic(range: range, message: "`seeds` lists a seed twice", hint: hint)
      }
      return seeds
    default:
      throw Diagnostic(
        range: range,
        message: "`seeds` takes a number of seeds or a list of seeds, got "
          + value.typeDescription, hint: hint)
    }
  }

  /// Gives `name` back the value it had before a sweep bound it (or none, if it had none).
  private func restoreVariable(_ name: String, to value: Value?) {
    if let value {
      values[name] = value
    } else if values.removeValue(forKey: name) != nil {
      definitionOrder.removeAll { $0 == name }
    }
  }
}

/// What a sweep runs: its axes (each a name and its values), its seeds, and every combination,
/// the first axis varying slowest and the seed fastest.
struct SweepPlan {
  /// One axis: the label written in the call, and the values to try.
  struct Axis {
    var name: String
    var values: [Value]
  }

  /// One run of the sweep: a value of each axis and a seed.
  struct Point: CustomStringConvertible {
    /// The run's position among the sweep's runs.
    var index: Int
    /// The setting's position among the sweep's settings (the group it belongs to).
    var setting: Int
    var names: [String]
    var values: [Value]
    var seed: UInt64

    /// `lr 0.01, batch 16, seed 2`.
    var description: String {
      (zip(names, values).map { "\($0) \($1.text)" } + ["seed \(seed)"])
        .joined(separator: ", ")
    }
  }

  var axes: [Axis]
  var seeds: [UInt64]

  /// The number of settings (combinations of the axes' values).
  var settingCount: Int { axes.reduce(1) { $0 * $1.values.count } }

  /// Every run, setting by setting, seed by seed.
  var points: [Point] {
    var points: [Point] = []
    for setting in 0..<settingCount {
      var rest = setting
      var chosen: [Value] = []
      for axis in axes.reversed() {
        chosen.insert(axis.values[rest % axis.values.count], at: 0)
        rest /= axis.values.count
      }
      for seed in seeds {
        points.append(
          Point(
            index: points.count, setting: setting, names: axes.map(\.name), values: chosen,
            seed: seed))
      }
    }
    return points
  }

  /// `3 lr × 2 batch × 3 seeds`.
  var shape: String {
    (axes.map { "\($0.values.count) \($0.name)" }
      + ["\(seeds.count) \(seeds.count == 1 ? "seed" : "seeds")"]).joined(separator: " × ")
  }
}
