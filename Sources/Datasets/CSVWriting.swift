import Foundation

extension Dataset {
  /// The dataset as CSV text, as `save_csv` writes it: the feature names and the target's own
  /// name as the header, then one row per sample, every value written exactly (the shortest
  /// decimal that reads back to the same float), classes as their numbers `0..<k`.
  public func csvText() -> String {
    var lines = [(featureNames + [targetName]).map(csvCell).joined(separator: ",")]
    lines.reserveCapacity(count + 1)
    for row in 0..<count {
      let start = row * featureCount
      var cells = features[start..<(start + featureCount)].map { "\($0)" }
      let value = targets[row]
      if task != .regression, let index = Int(exactly: value) {
        cells.append(String(index))
      } else {
        cells.append("\(value)")
      }
      lines.append(cells.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The class names as CSV (`class,name`, then `0,malignant`, …), which `readCSV` restores from
  /// beside the data file (see `classNamesPath(for:)`); nil for regression.
  public func classNamesText() -> String? {
    guard task != .regression else { return nil }
    let rows = classNames.enumerated().map { "\($0),\(csvCell($1))" }
    return (["class,name"] + rows).joined(separator: "\n") + "\n"
  }
}

/// Where the class names of the CSV file at `path` are kept: `iris.csv` → `iris.classes.csv`.
public func classNamesPath(for path: String) -> String {
  let stem = path.lowercased().hasSuffix(".csv") ? String(path.dropLast(4)) : path
  return stem + ".classes.csv"
}

/// Replaces `reading`'s class names with those in the file at `path`, if there is one and the
/// labels are the numbers `0..<k` it names.
func restoreClassNames(of reading: inout CSVReading, from path: String) throws(DataError) {
  var dataset = reading.dataset
  guard dataset.task != .regression, FileManager.default.fileExists(atPath: path),
    dataset.classNames == (0..<dataset.classNames.count).map(String.init)
  else { return }
  let records = try csvRecords(in: utf8Text(readFile(path), file: path), file: path, delimiter: 44)
  guard let header = records.first, header.fields == ["class", "name"] else {
    throw DataError(
      .missingHeader, "the class names file must start with the header class,name", file: path,
      line: records.first?.line ?? 1)
  }
  var names: [String] = []
  for record in records.dropFirst() {
    guard record.fields.count == 2, record.fields[0] == String(names.count) else {
      throw DataError(
        .raggedRow, "this row must be the class number \(names.count), then its name",
        file: path, line: record.line,
        hint: "the rows number the classes 0, 1, 2, … in order")
    }
    names.append(record.fields[1])
  }
  guard names.count >= dataset.classNames.count else {
    throw DataError(
      .invalidArgument,
      "the data has \(dataset.classNames.count) classes but this file names \(names.count)",
      file: path)
  }
  guard names != (0..<names.count).map(String.init) else { return }
  dataset.classNames = names
  dataset.task = names.count == 2 ? .binary : .multiclass(classes: names.count)
  reading.dataset = dataset
  let file = URL(fileURLWithPath: path).lastPathComponent
  let shown = names.prefix(8).enumerated().map { "\($0) = \($1)" }.joined(separator: ", ")
  reading.notes.append("class names from \(file): \(shown)\(names.count > 8 ? ", …" : "")")
}

/// A cell quoted when it holds a comma, a quote or a line break.
private func csvCell(_ text: String) -> String {
  guard text.contains(where: { ",\"\n\r".contains($0) }) else { return text }
  return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}
