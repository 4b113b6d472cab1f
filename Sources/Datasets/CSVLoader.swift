import Foundation
import Support

/// How to read a CSV file into a dataset.
public struct CSVOptions: Sendable, Equatable {
  /// Which column holds the target.
  public enum Target: Sendable, Equatable {
    /// The last column (the convention of the bundled datasets).
    case last
    /// The column whose header is this name (matched exactly, else ignoring case).
    case named(String)
    /// The column at this 0-based position.
    case position(Int)
  }

  /// Whether the target is a class or a number.
  public enum TargetKind: Sendable, Equatable {
    /// Text targets are classes; numeric targets are classes when they are whole numbers with at
    /// most 20 distinct values, each seen twice on average; otherwise regression.
    case automatic
    /// The distinct target values are the classes.
    case classification
    /// The target is a number to predict.
    case regression
  }

  /// Which column holds the target.
  public var target: Target
  /// Whether the target is a class or a number.
  public var targetKind: TargetKind
  /// The character between cells, an ASCII character (`,` by default, `;` or a tab are common).
  public var delimiter: Character

  /// Creates options; by default the target is the last column and its kind is inferred.
  public init(
    target: Target = .last, targetKind: TargetKind = .automatic, delimiter: Character = ","
  ) {
    self.target = target
    self.targetKind = targetKind
    self.delimiter = delimiter
  }
}

extension Dataset {
  /// Loads a CSV file: a header row of column names, then one sample per row, every cell a
  /// number except possibly the target's.
  ///
  /// Text class labels are numbered in sorted order and `classNames` keeps the mapping (class `i`
  /// is `classNames[i]`); numeric class labels are numbered the same way. Any problem is thrown as
  /// a `DataError` naming the file, line and column.
  public static func csv(contentsOf path: String, options: CSVOptions = CSVOptions())
    throws(DataError)
    -> Dataset
  {
    let bytes = try readFile(path)
    let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    return try csv(
      text: String(decoding: bytes, as: UTF8.self), file: path, name: name, options: options,
      provenance: .file(path: path))
  }

  /// Parses CSV `text` as `csv(contentsOf:options:)` does; `file` names it in error messages.
  public static func csv(
    text: String, file: String, name: String, options: CSVOptions = CSVOptions(),
    provenance: Provenance? = nil
  ) throws(DataError) -> Dataset {
    guard let delimiter = options.delimiter.asciiValue else {
      throw DataError(
        .invalidArgument, "the delimiter \"\(options.delimiter)\" is not an ASCII character",
        hint: "use \",\", \";\" or a tab")
    }
    let records = try csvRecords(in: text, file: file, delimiter: delimiter)
    guard let header = records.first else {
      throw DataError(
        .emptyFile, "the file is empty", file: file,
        hint: "a CSV file needs a header row of column names, then one row per sample")
    }
    let columnNames = header.fields.map { String($0.trimmingBlanks) }
    if columnNames.allSatisfy({ Float($0) != nil }) {
      throw DataError(
        .missingHeader, "the first row holds numbers where the column names should be",
        file: file, line: header.line,
        hint: "add a first row naming the columns, e.g. x1,x2,label")
    }
    guard records.count > 1 else {
      throw DataError(
        .emptyFile, "the file has a header but no rows of data", file: file, line: header.line + 1)
    }
    let targetColumn = try locateTarget(
      options.target, in: columnNames, file: file, line: header.line,
      delimiter: options.delimiter)
    var features: [Float] = []
    features.reserveCapacity((records.count - 1) * (columnNames.count - 1))
    var targetCells: [(text: String, line: Int)] = []
    for record in records.dropFirst() {
      guard record.fields.count == columnNames.count else {
        let more = record.fields.count > columnNames.count
        throw DataError(
          .raggedRow,
          "this row has \(record.fields.count) cells but the header has \(columnNames.count)",
          file: file, line: record.line, column: min(record.fields.count, columnNames.count) + 1,
          hint: more ? "a cell with a comma in it must be quoted: \"1,5\"" : nil)
      }
      for (column, cell) in record.fields.enumerated() where column != targetColumn {
        features.append(
          try number(
            cell, column: columnNames[column], file: file, line: record.line,
            columnNumber: column + 1))
      }
      targetCells.append(
        (String(record.fields[targetColumn].trimmingBlanks), record.line))
    }
    let target = try makeTargets(
      targetCells, kind: options.targetKind, column: columnNames[targetColumn], file: file,
      columnNumber: targetColumn + 1)
    var featureNames = columnNames
    featureNames.remove(at: targetColumn)
    return Dataset(
      name: name, features: features, featureCount: featureNames.count, targets: target.values,
      featureNames: featureNames, task: target.task, classNames: target.classNames,
      provenance: provenance ?? .file(path: file))
  }
}

/// The 0-based index of the target column, or an error listing the columns there are.
private func locateTarget(
  _ target: CSVOptions.Target, in columns: [String], file: String, line: Int,
  delimiter: Character
) throws(DataError) -> Int {
  guard columns.count >= 2 else {
    throw DataError(
      .missingTargetColumn, "the header has only one column; a dataset needs features and a target",
      file: file, line: line, hint: "is the delimiter right? cells were split at \"\(delimiter)\"")
  }
  switch target {
  case .last:
    return columns.count - 1
  case .position(let position):
    guard columns.indices.contains(position) else {
      throw DataError(
        .missingTargetColumn,
        "there is no column at position \(position): the header has \(columns.count) columns, "
          + "positions 0 to \(columns.count - 1)", file: file, line: line)
    }
    return position
  case .named(let name):
    if let exact = columns.firstIndex(of: name) { return exact }
    if let loose = columns.firstIndex(where: { $0.lowercased() == name.lowercased() }) {
      return loose
    }
    let listed = columns.map { "\"\($0)\"" }.joined(separator: ", ")
    throw DataError(
      .missingTargetColumn, "there is no column named \"\(name)\"", file: file, line: line,
      hint: (closestName(to: name, in: columns).map { "did you mean \"\($0)\"? " } ?? "")
        + "the columns are \(listed)")
  }
}

/// A feature cell as a finite number, or a located error.
private func number(
  _ cell: String, column: String, file: String, line: Int, columnNumber: Int
) throws(DataError) -> Float {
  let trimmed = cell.trimmingBlanks
  if trimmed.isEmpty {
    throw DataError(
      .nonNumericCell, "the cell in column \"\(column)\" is empty", file: file, line: line,
      column: columnNumber, hint: "fill in missing values or remove the rows that have them")
  }
  guard let value = Float(trimmed), value.isFinite else {
    throw DataError(
      .nonNumericCell, "\"\(trimmed)\" in column \"\(column)\" is not a number", file: file,
      line: line, column: columnNumber,
      hint: "only the target column may hold text; choose it by name or position")
  }
  return value
}

/// Targets as values with their task and class names.
private func makeTargets(
  _ cells: [(text: String, line: Int)], kind: CSVOptions.TargetKind, column: String,
  file: String, columnNumber: Int
) throws(DataError) -> (values: [Float], task: Task, classNames: [String]) {
  let numbers = cells.map { Float($0.text) }
  let allNumeric = numbers.allSatisfy { $0?.isFinite == true }
  if kind == .regression {
    var values: [Float] = []
    for cell in cells {
      values.append(
        try number(
          cell.text, column: column, file: file, line: cell.line, columnNumber: columnNumber))
    }
    return (values, .regression, [])
  }
  let values = numbers.compactMap { $0 }
  let distinct = Set(values)
  let looksLikeClasses =
    values.allSatisfy { $0 == $0.rounded() } && distinct.count <= 20
    && distinct.count * 2 <= values.count
  if kind == .automatic, allNumeric, !looksLikeClasses {
    return (values, .regression, [])
  }
  let labels: [String]
  if allNumeric {
    let names = Dictionary(uniqueKeysWithValues: distinct.map { ($0, classLabel($0)) })
    labels = values.map { names[$0] ?? "" }
    let order = distinct.sorted()
    let classNames = order.map { names[$0] ?? "" }
    return classified(labels, classNames: classNames)
  }
  labels = cells.map(\.text)
  return classified(labels, classNames: Set(labels).sorted())
}

/// Class indices for `labels` given the names of the classes in order.
private func classified(_ labels: [String], classNames: [String])
  -> (values: [Float], task: Task, classNames: [String])
{
  let index = Dictionary(uniqueKeysWithValues: classNames.enumerated().map { ($1, $0) })
  let values = labels.map { Float(index[$0] ?? 0) }
  let task: Task = classNames.count == 2 ? .binary : .multiclass(classes: classNames.count)
  return (values, task, classNames)
}

/// A numeric class label as written: `3` rather than `3.0`.
private func classLabel(_ value: Float) -> String {
  value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : String(value)
}

extension String {
  /// The string without leading and trailing spaces and tabs.
  fileprivate var trimmingBlanks: Substring {
    let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    guard let first = firstIndex(where: { !isBlank($0) }),
      let last = lastIndex(where: { !isBlank($0) })
    else { return "" }
    return self[first...last]
  }
}
