import Foundation
import Support

/// A dataset read from a CSV file, and what reading it wants the learner to know (rows left out,
/// labels renumbered, class names restored).
public struct CSVReading: Sendable {
  /// The dataset.
  public var dataset: Dataset
  /// Sentences to show as notes, in the order they arose.
  public var notes: [String]
}

extension Dataset {
  /// Loads a CSV file: a header row of column names, then one sample per row, every feature
  /// cell a number; see `readCSV(contentsOf:options:)`.
  public static func csv(contentsOf path: String, options: CSVOptions = CSVOptions())
    throws(DataError) -> Dataset
  {
    try readCSV(contentsOf: path, options: options).dataset
  }

  /// Loads a CSV file with the notes reading it gave.
  ///
  /// The file must be UTF-8. Numeric labels `0..<k` are the classes they name; other numeric
  /// labels, and text labels, are numbered in sorted order (`classNames` keeps the names). Class
  /// names saved beside the file by `csvFiles()` (`name.classes.csv`) are restored. Any problem
  /// is thrown as a `DataError` naming the file, line and column.
  public static func readCSV(contentsOf path: String, options: CSVOptions = CSVOptions())
    throws(DataError) -> CSVReading
  {
    let text = try utf8Text(readFile(path), file: path)
    let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    var reading = try readCSV(
      text: text, file: path, name: name, options: options, provenance: .file(path: path))
    try restoreClassNames(of: &reading, from: classNamesPath(for: path))
    return reading
  }

  /// Parses CSV `text` as `csv(contentsOf:options:)` does; `file` names it in error messages.
  public static func csv(
    text: String, file: String, name: String, options: CSVOptions = CSVOptions(),
    provenance: Provenance? = nil
  ) throws(DataError) -> Dataset {
    try readCSV(text: text, file: file, name: name, options: options, provenance: provenance)
      .dataset
  }

  /// Parses CSV `text` with the notes reading it gave; `file` names it in error messages.
  public static func readCSV(
    text: String, file: String, name: String, options: CSVOptions = CSVOptions(),
    provenance: Provenance? = nil
  ) throws(DataError) -> CSVReading {
    let delimiter = try checkedSeparators(options)
    let records = try csvRecords(in: text, file: file, delimiter: delimiter)
    guard let header = records.first else {
      throw DataError(
        .emptyFile, "the file is empty", file: file,
        hint: "a CSV file needs a header row of column names, then one row per sample")
    }
    let columns = CSVColumns(
      names: header.fields.map { String($0.trimmingBlanks) }, file: file, line: header.line)
    if columns.names.allSatisfy({ Float($0) != nil }) {
      throw DataError(
        .missingHeader, "the first row holds numbers where the column names should be",
        file: file, line: header.line,
        hint: "add a first row naming the columns, e.g. x1,x2,label")
    }
    try columns.checkDistinct()
    guard records.count > 1 else {
      throw DataError(
        .emptyFile, "the file has a header but no rows of data", file: file, line: header.line + 1)
    }
    let targetColumn = try columns.target(options.target, delimiter: options.delimiter)
    let featureColumns = try columns.features(
      target: targetColumn, columns: options.columns, ignored: options.ignored)
    let reader = CSVCellReader(options)
    var features: [Float] = []
    features.reserveCapacity((records.count - 1) * featureColumns.count)
    var targetCells: [(text: Substring, line: Int)] = []
    var droppedLines: [Int] = []
    rows: for (row, record) in records.dropFirst().enumerated() {
      if row % 4096 == 0 { try stopIfInterrupted() }
      guard record.fields.count == columns.names.count else {
        let more = record.fields.count > columns.names.count
        throw DataError(
          .raggedRow,
          "this row has \(record.fields.count) cells but the header has \(columns.names.count)",
          file: file, line: record.line,
          column: min(record.fields.count, columns.names.count) + 1,
          hint: more ? "a cell with a comma in it must be quoted: \"1,5\"" : nil)
      }
      let start = features.count
      for column in featureColumns + [targetColumn] {
        let cell = record.fields[column]
        let value = reader.read(cell[...])
        if value == .missing {
          guard options.dropMissing else {
            throw missingCell(
              cell, column: columns.names[column], file: file, line: record.line,
              columnNumber: column + 1)
          }
          features.removeSubrange(start...)
          droppedLines.append(record.line)
          continue rows
        }
        guard column != targetColumn else { break }
        guard case .number(let number) = value else {
          let problem = reader.problem(
            with: String(cell.trimmingBlanks), column: columns.names[column])
          throw DataError(
            .nonNumericCell, problem.message, file: file, line: record.line, column: column + 1,
            hint: problem.hint)
        }
        features.append(number)
      }
      targetCells.append((record.fields[targetColumn][...], record.line))
    }
    guard !targetCells.isEmpty else {
      throw DataError(
        .emptyFile, "every row has a missing value, so none is left", file: file,
        line: header.line + 1, hint: "fill in the missing values, or choose columns with columns:")
    }
    let target = try CSVTargets(
      targetCells, kind: options.targetKind, column: columns.names[targetColumn],
      columnNumber: targetColumn + 1, reader: reader, file: file)
    var notes: [String] = []
    if !droppedLines.isEmpty {
      let shown = droppedLines.prefix(10).map(String.init).joined(separator: ", ")
      notes.append(
        "left out \(droppedLines.count) of \(records.count - 1) rows with a missing value "
          + "(line\(droppedLines.count == 1 ? "" : "s") \(shown)\(droppedLines.count > 10 ? ", …" : ""))"
      )
    }
    notes += [target.note].compactMap { $0 }
    let dataset = Dataset(
      name: name, features: features, featureCount: featureColumns.count, targets: target.values,
      featureNames: featureColumns.map { columns.names[$0] }, task: target.task,
      classNames: target.classNames, targetName: columns.names[targetColumn],
      provenance: provenance ?? .file(path: file))
    return CSVReading(dataset: dataset, notes: notes)
  }
}

/// The delimiter as a byte, after checking that the delimiter, the decimal and the thousands
/// separators are single ASCII characters that differ.
private func checkedSeparators(_ options: CSVOptions) throws(DataError) -> UInt8 {
  guard let delimiter = options.delimiter.asciiValue else {
    throw DataError(
      .invalidArgument, "the delimiter \"\(options.delimiter)\" is not an ASCII character",
      hint: "use \",\", \";\" or a tab")
  }
  guard options.decimal.isASCII, options.thousands?.isASCII ?? true else {
    throw DataError(
      .invalidArgument, "the decimal and thousands separators must be ASCII characters",
      hint: "e.g. decimal: \",\", thousands: \".\"")
  }
  if options.decimal == options.delimiter {
    throw DataError(
      .invalidArgument, "the decimal separator \"\(options.decimal)\" is also the delimiter",
      hint: "files with decimal commas separate cells with \";\": pass delimiter: \";\"")
  }
  if let thousands = options.thousands, thousands == options.decimal {
    throw DataError(
      .invalidArgument, "the thousands separator \"\(thousands)\" is also the decimal separator")
  }
  return delimiter
}

/// The error for a missing value in a row that is not to be dropped.
private func missingCell(
  _ cell: String, column: String, file: String, line: Int, columnNumber: Int
) -> DataError {
  let trimmed = cell.trimmingBlanks
  let what = trimmed.isEmpty ? "is empty" : "holds \"\(trimmed)\", a missing value"
  return DataError(
    .nonNumericCell, "the cell in column \"\(column)\" \(what)", file: file, line: line,
    column: columnNumber,
    hint: "fill it in, or leave out the rows with missing values with drop_missing: true")
}
