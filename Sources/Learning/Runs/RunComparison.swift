import Foundation

/// A text table comparing runs side by side, one row per run.
public enum RunComparison {
  /// The runs as aligned columns: name, status, epochs, best validation loss with its epoch,
  /// final training and validation loss, each final metric any run has, and the time taken.
  /// Text is left-aligned, numbers right-aligned; `–` marks a value a run does not have.
  ///
  /// ```
  /// name      status    epochs  best val_loss  loss    val_loss  accuracy  time
  /// baseline  finished      20  0.3120 @ 14    0.2011  0.3301      0.9120  12.3 s
  /// ```
  public static func table(_ runs: [RunRecord]) -> String {
    let metricNames = Set(runs.flatMap(\.finalMetrics.keys)).sorted()
    let header =
      ["name", "status", "epochs", "best val_loss", "loss", "val_loss"] + metricNames + ["time"]
    let rows = runs.map { run in
      let best = run.lowest(RunRecord.Series.validationLoss)
        .map { "\(decimal($0.value)) @ \($0.epoch)" }
      return [
        run.name, run.status.description, "\(run.epochCount)", best ?? "–",
        final(run, RunRecord.Series.loss), final(run, RunRecord.Series.validationLoss),
      ] + metricNames.map { run.finalMetrics[$0].map(decimal) ?? "–" }
        + [String(format: "%.1f s", run.duration)]
    }
    let textColumns: Set<Int> = [0, 1, 3]
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

  /// The last value of the series `key`, or `–`.
  private static func final(_ run: RunRecord, _ key: String) -> String {
    run.history[key]?.last.map(decimal) ?? "–"
  }

  /// `value` with four decimals (non-finite values as `nan`, `inf`).
  private static func decimal(_ value: Double) -> String {
    value.isFinite ? String(format: "%.4f", value) : numberText(value)
  }
}
