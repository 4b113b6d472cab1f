/// The column order of a history table: `loss`, `val_loss`, the other series alphabetically,
/// then `lr` and `seconds`.
package func historyColumns(_ keys: some Sequence<String>) -> [String] {
  let first = [RunRecord.Series.loss, RunRecord.Series.validationLoss]
  let last = [RunRecord.Series.learningRate, RunRecord.Series.seconds]
  let present = Set(keys)
  let middle = present.subtracting(first + last).sorted()
  return first.filter(present.contains) + middle + last.filter(present.contains)
}

/// A number as CSV and JSON-lines files write it: the shortest text that reads back to the same
/// `Double`; `nan`, `inf` and `-inf` for the non-finite ones.
package func numberText(_ value: Double) -> String {
  if value.isNaN { return "nan" }
  if value.isInfinite { return value > 0 ? "inf" : "-inf" }
  return "\(value)"
}

/// `fields` as one CSV line (RFC 4180), quoting fields that hold commas, quotes or line breaks.
package func csvLine(_ fields: [String]) -> String {
  fields.map { field in
    guard field.contains(where: { ",\"\n\r".contains($0) }) else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }.joined(separator: ",") + "\n"
}

extension RunRecord {
  /// The history as CSV: a header `epoch,loss,val_loss,…`, then one row per epoch (1-based);
  /// a series shorter than the others leaves its cells empty.
  public var historyCSV: String {
    let columns = historyColumns(history.keys)
    var text = csvLine(["epoch"] + columns)
    for epoch in 0..<epochCount {
      let cells = columns.map { key in
        let series = history[key] ?? []
        return epoch < series.count ? numberText(series[epoch]) : ""
      }
      text += csvLine(["\(epoch + 1)"] + cells)
    }
    return text
  }
}
