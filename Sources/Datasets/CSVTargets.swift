/// The target column of a CSV file as values, with its task and class names, and a note when
/// numeric labels had to be renumbered.
struct CSVTargets {
  var values: [Float]
  var task: Task
  var classNames: [String]
  var note: String?

  /// Reads `cells` (none missing) as `kind` says. Numeric labels `0..<k` stay the classes they
  /// name; other numeric labels are numbered in increasing order, and text labels in sorted order,
  /// with a note for numbers. A number beyond a float's range, or text in a regression target,
  /// is a located error.
  init(
    _ cells: [(text: Substring, line: Int)], kind: CSVOptions.TargetKind, column: String,
    columnNumber: Int, reader: CSVCellReader, file: String
  ) throws(DataError) {
    var numbers: [Float] = []
    numbers.reserveCapacity(cells.count)
    var firstText: (text: Substring, line: Int)?
    for cell in cells {
      switch reader.read(cell.text) {
      case .number(let value): numbers.append(value)
      case .outOfRange, .missing:
        let problem = reader.problem(with: String(cell.text.trimmingBlanks), column: column)
        throw DataError(
          .nonNumericCell, problem.message, file: file, line: cell.line, column: columnNumber,
          hint: problem.hint)
      case .text:
        if firstText == nil { firstText = cell }
      }
    }
    if kind == .regression, let text = firstText {
      throw DataError(
        .nonNumericCell,
        "\"\(text.text.trimmingBlanks)\" in the target column \"\(column)\" is not a number, but "
          + "the task is regression", file: file, line: text.line, column: columnNumber,
        hint: "leave task: out (or write \"classification\") if the target names classes")
    }
    guard firstText == nil else {
      let labels = cells.map { String($0.text.trimmingBlanks) }
      self = CSVTargets(labels: labels, classNames: Set(labels).sorted())
      return
    }
    let distinct = Set(numbers).sorted()
    let whole = distinct.allSatisfy { $0 == $0.rounded() && abs($0) < 1e9 }
    let looksLikeClasses =
      whole && distinct.count <= 20 && distinct.count * 2 <= numbers.count
    if kind == .regression || (kind == .automatic && !looksLikeClasses) {
      values = numbers
      task = .regression
      classNames = []
      return
    }
    let names = distinct.map { whole ? String(Int($0)) : "\($0)" }
    let index = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, $0) })
    values = numbers.map { Float(index[$0] ?? 0) }
    task = distinct.count == 2 ? .binary : .multiclass(classes: distinct.count)
    classNames = names
    if distinct != (0..<distinct.count).map(Float.init) {
      let pairs = names.prefix(8).enumerated().map { "\($1) → \($0)" }
      note =
        "the labels of \"\(column)\" are not 0 to \(distinct.count - 1); they are numbered in "
        + "increasing order: " + pairs.joined(separator: ", ") + (names.count > 8 ? ", …" : "")
    }
  }

  /// Class indices for text `labels` given the classes' names in order.
  private init(labels: [String], classNames: [String]) {
    let index = Dictionary(uniqueKeysWithValues: classNames.enumerated().map { ($1, $0) })
    values = labels.map { Float(index[$0] ?? 0) }
    task = classNames.count == 2 ? .binary : .multiclass(classes: classNames.count)
    self.classNames = classNames
  }
}
