import Charts
import Learning

/// What `plot`, `compare` and `export_tensorboard` do with groups of runs over seeds and with
/// sweeps, beside single runs.
extension Builtin {
  /// The value types that hold groups: a group, a sweep, a list of groups.
  static var groupTypes: [ValueType] {
    [.host("group"), .host("sweep"), .list(of: .host("group"))]
  }

  /// The groups `value` holds (a group, a sweep's groups, a list of groups), or nil when it
  /// holds none.
  static func groups(in value: Value) -> [GroupObject]? {
    switch value {
    case .host(let group as GroupObject): return [group]
    case .host(let sweep as SweepObject): return sweep.groups
    case .list(let values):
      let groups = values.compactMap { value in
        if case .host(let group as GroupObject) = value { group } else { nil }
      }
      return groups.isEmpty || groups.count != values.count ? nil : groups
    default: return nil
    }
  }

  /// Every run in `value`: a run, a group's or a sweep's runs, or those of each in a list.
  static func runObjects(in value: Value) -> [RunObject] {
    switch value {
    case .host(let run as RunObject): [run]
    case .host(let group as GroupObject): group.runObjects
    case .host(let sweep as SweepObject): sweep.runObjects
    case .list(let values): values.flatMap(runObjects)
    default: []
    }
  }

  /// The names of `groups` in charts and sentences: the setting they share, or for a repeat
  /// over seeds alone, the variable it is bound to (or `group N`).
  static func groupNames(_ groups: [GroupObject], in session: Session) -> [String] {
    groups.enumerated().map { index, object in
      guard object.group.setting.isEmpty else { return object.group.name }
      let bound = session.values.keys.sorted().first { key in
        if case .host(let value) = session.values[key], value === object { return true }
        return false
      }
      return bound ?? "group \(index + 1)"
    }
  }

  /// The series to compare groups on: `metric` when given (checked to be recorded), else
  /// `val_loss` with validation data and `loss` without.
  static func groupMetric(_ given: Value, of groups: [GroupObject]) throws -> String {
    let records = groups.flatMap(\.group.runs)
    guard case .string(let metric) = given else {
      return groups.first?.group.defaultMetric ?? RunRecord.Series.loss
    }
    guard records.contains(where: { $0.history[metric] != nil }) else {
      let known = Set(records.flatMap(\.history.keys)).subtracting([RunRecord.Series.seconds])
        .sorted()
      throw CallError(
        "no run recorded `\(metric)`" + suggestion(for: metric, among: known),
        hint: "the runs recorded " + known.map { "`\($0)`" }.joined(separator: ", "),
        argument: "metric")
    }
    return metric
  }

  /// `plot` of groups: one group's training and validation means with their bands, or several
  /// groups' means of one metric overlaid, each with its band.
  static func groupChart(
    _ groups: [GroupObject], metric: Value, logY: Bool?, context: CallContext
  ) throws -> LineChart {
    let names = groupNames(groups, in: context.session)
    guard groups.count == 1 else {
      return try RunCharts.chart(
        of: groups.map(\.group), names: names, metric: try groupMetric(metric, of: groups),
        logY: logY)
    }
    var base = "loss"
    if case .string(let given) = metric { base = given }
    return try RunCharts.chart(of: groups[0].group, name: names[0], metric: base, logY: logY)
  }

  /// `compare` of groups: two groups (`first` with `other`) as "is it real?" in words; a sweep
  /// or a list of groups as a table sorted by the metric.
  static func compareGroups(
    _ first: Value, other: Value, metric given: Value, context: CallContext
  ) throws -> String {
    guard let groups = groups(in: first) else { return "(no groups to compare)" }
    if case .host(let second as GroupObject) = other {
      guard case .host(let group as GroupObject) = first else {
        throw CallError(
          "`other` compares one group with another; this is a \(first.typeDescription)",
          hint: "compare(sweep) tests every setting against the best", argument: "other")
      }
      let metric = try groupMetric(given, of: [group, second])
      let names = groupNames([group, second], in: context.session)
      guard let difference = GroupDifference(group.group, second.group, metric: metric) else {
        throw CallError("no run of one of the groups ended with a finite \(metric)")
      }
      return GroupText.comparison(
        difference,
        names: difference.firstIsBetter ? (names[0], names[1]) : (names[1], names[0]))
    }
    let metric = try groupMetric(given, of: groups)
    var axes: [String] = []
    for group in groups {
      for setting in group.group.setting where !axes.contains(setting.name) {
        axes.append(setting.name)
      }
    }
    var ranked = groups.map(\.group)
    if axes.isEmpty {
      let names = groupNames(groups, in: context.session)
      for index in ranked.indices {
        ranked[index].setting = [SweepSetting(name: "group", value: .text(names[index]))]
      }
      axes = ["group"]
    }
    return GroupText.table(ranked, axes: axes, metric: metric)
  }
}
