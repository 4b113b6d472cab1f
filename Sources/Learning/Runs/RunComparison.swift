import Foundation

/// A text table comparing runs side by side, one row per run.
public enum RunComparison {
  /// The runs as aligned columns: name, status, epochs, best validation loss with its epoch,
  /// each setting that differs between the runs (`RunSettings.flattened`: lr, optimizer,
  /// batch_size…), final training and validation loss, each final metric any run has, and the
  /// time taken. Text is left-aligned, numbers right-aligned; `–` marks a value a run does not
  /// have.
  ///
  /// ```
  /// name      status    epochs  best val_loss  lr     loss    val_loss  accuracy  time
  /// baseline  finished      20  0.3120 @ 14    0.01   0.2011  0.3301      0.9120  12.3 s
  /// faster    finished      20  0.2904 @ 9     0.1    0.1873  0.2950      0.9240  12.1 s
  /// ```
  public static func table(_ runs: [RunRecord]) -> String {
    let metricNames = Set(runs.flatMap(\.finalMetrics.keys))
      .subtracting([RunRecord.Series.loss, RunRecord.Series.validationLoss]).sorted()
    let settings = differingSettings(runs)
    let header =
      ["name", "status", "epochs", "best val_loss"] + settings.map(\.name)
      + ["loss", "val_loss"] + metricNames + ["time"]
    let settingCells = settings.map { distinctTails($0.values.map { $0?.description }) }
    let rows = runs.indices.map { index in
      let run = runs[index]
      let best = run.lowest(RunRecord.Series.validationLoss)
        .map { "\(decimal($0.value)) @ \($0.epoch)" }
      return [run.name, run.status.description, "\(run.epochCount)", best ?? "–"]
        + settingCells.map { $0[index] ?? "–" }
        + [final(run, RunRecord.Series.loss), final(run, RunRecord.Series.validationLoss)]
        + metricNames.map { run.finalMetrics[$0].map(decimal) ?? "–" }
        + [String(format: "%.1f s", run.duration)]
    }
    let textColumns = Set([0, 1, 3]).union(
      settings.indices.filter { column in
        settings[column].values.contains { if case .number = $0 { false } else { true } }
      }.map { $0 + 4 })
    let widths = header.indices.map { column in
      ([header] + rows).map { $0[column].count }.max() ?? 0
    }
    return ([header] + rows).map { row in
      row.indices.map { column in
        let padding = String(repeating: " ", count: widths[column] - row[column].count)
        let isLast = column == row.count - 1
        if textColumns.contains(column) {
          return isLast ? row[column] : row[column] + padding
        }
        return padding + row[column]
      }.joined(separator: "  ") + "\n"
    }.joined()
  }

  /// `texts` without the leading `; `-separated parts all of them share, so a long provenance
  /// shows only what differs: `…; degree-3 polynomial features`.
  private static func distinctTails(_ texts: [String?]) -> [String?] {
    let parts = texts.map { $0?.components(separatedBy: "; ") ?? [] }
    guard let first = parts.first, parts.allSatisfy({ $0.count > 1 }) else { return texts }
    var shared = 0
    while shared < first.count - 1,
      parts.allSatisfy({ shared < $0.count - 1 && $0[shared] == first[shared] })
    {
      shared += 1
    }
    guard shared > 0 else { return texts }
    return parts.map { "…; " + $0.dropFirst(shared).joined(separator: "; ") }
  }

  /// The settings with two different values among the runs that have them, in
  /// `RunSettings.flattened`'s order, with each run's value (nil where a run lacks it). A setting
  /// only some runs have, all with one value (SGD's `momentum: 0` beside Adam), is left out: the
  /// column that differs (`optimizer`) already tells them apart.
  public static func differingSettings(
    _ runs: [RunRecord]
  ) -> [(name: String, values: [SettingValue?])] {
    let lists = runs.map { $0.settings?.flattened ?? [] }
    var names: [String] = []
    for list in lists {
      for (name, _) in list where !names.contains(name) { names.append(name) }
    }
    return names.compactMap { name in
      let values = lists.map { list in list.first { $0.name == name }?.value }
      let present = values.compactMap { $0 }
      return present.allSatisfy({ $0 == present.first }) ? nil : (name, values)
    }
  }

  /// The final value of `key` (`loss`, `val_loss`), or `–`.
  private static func final(_ run: RunRecord, _ key: String) -> String {
    (run.finalMetrics[key] ?? run.history[key]?.last).map(decimal) ?? "–"
  }

  /// `value` with four decimals (non-finite values as `nan`, `inf`).
  private static func decimal(_ value: Double) -> String {
    value.isFinite ? String(format: "%.4f", value) : numberText(value)
  }
}
