/// A confusion matrix as a table: how many samples of each true class (rows) were predicted as
/// each class (columns), with the diagonal — the correct predictions — highlighted.
public struct ConfusionMatrixChart: Sendable {
  /// The heading above the table; empty for none.
  public var title: String
  /// `counts[true][predicted]`: samples of the row's class predicted as the column's class.
  /// Missing entries of ragged rows count as zero.
  public var counts: [[Int]]
  /// The classes' names in index order; missing ones are shown as their index.
  public var classNames: [String]
  /// Whether each row is shown as percentages of the row's total (recall on the diagonal).
  public var normalized: Bool

  /// A confusion matrix of `counts`.
  public init(
    title: String = "Confusion matrix", counts: [[Int]], classNames: [String] = [],
    normalized: Bool = false
  ) {
    self.title = title
    self.counts = counts
    self.classNames = classNames
    self.normalized = normalized
  }

  /// The number of classes: the rows, the longest row or the names, whichever is most.
  var classCount: Int { max(counts.count, counts.map(\.count).max() ?? 0, classNames.count) }

  /// The count at (`row`, `column`), zero where the matrix has no entry.
  func count(_ row: Int, _ column: Int) -> Int {
    row < counts.count && column < counts[row].count ? counts[row][column] : 0
  }

  /// The total of row `row`.
  func rowTotal(_ row: Int) -> Int { (0..<classCount).reduce(0) { $0 + count(row, $1) } }

  /// The name of class `index`, cut to 14 characters.
  func name(of index: Int) -> String {
    let name = index < classNames.count ? classNames[index] : "\(index)"
    return name.count > 14 ? String(name.prefix(13)) + "…" : name
  }

  /// The text of the cell at (`row`, `column`): its count, or its share of the row.
  func cellText(_ row: Int, _ column: Int, glyphs: Glyphs) -> String {
    guard normalized else { return "\(count(row, column))" }
    let total = rowTotal(row)
    guard total > 0 else { return glyphs == .unicode ? "–" : "-" }
    return NumberText.fixed(100 * Double(count(row, column)) / Double(total), decimals: 1) + "%"
  }

  /// The share of the row at (`row`, `column`), 0...1, or 0 for an empty row.
  func share(_ row: Int, _ column: Int) -> Double {
    let total = rowTotal(row)
    return total > 0 ? Double(count(row, column)) / Double(total) : 0
  }

  /// The closing line: accuracy over all samples, or that there are none.
  var summary: String {
    let total = (0..<classCount).reduce(0) { $0 + rowTotal($1) }
    guard total > 0 else { return "no samples" }
    let correct = (0..<classCount).reduce(0) { $0 + count($1, $1) }
    let accuracy = NumberText.fixed(100 * Double(correct) / Double(total), decimals: 1)
    return "accuracy \(accuracy)% (\(correct) of \(total))"
  }

  /// The table as text: class names, right-aligned numbers, the diagonal in brackets (or bold
  /// green with `color`, and mistakes in red), and the accuracy below. Without `color` there is
  /// no escape code.
  public func render(color: Bool = false, glyphs: Glyphs = .unicode) -> String {
    let classes = classCount
    guard classes > 0 else {
      return [title, "(no classes)"].filter { !$0.isEmpty }.joined(separator: "\n")
    }
    let unicode = glyphs == .unicode
    let rowHeading = unicode ? "true ↓" : "true"
    let labelWidth = max(rowHeading.count, (0..<classes).map { name(of: $0).count }.max() ?? 0)
    let cellWidth =
      (0..<classes).flatMap { row in
        [name(of: row).count] + (0..<classes).map { cellText(row, $0, glyphs: glyphs).count + 2 }
      }.max() ?? 1
    let predicted = unicode ? "predicted →" : "predicted ->"
    let width = max(
      labelWidth + classes * (cellWidth + 2), title.count, summary.count,
      labelWidth + 2 + predicted.count)
    let top = title.isEmpty ? 0 : 1
    var canvas = TextCanvas(width: width, height: top + 3 + classes)
    canvas.write(title, column: 0, line: 0, style: CellStyle(bold: true))
    canvas.write(predicted, column: labelWidth + 2, line: top)
    canvas.write(rowHeading, column: 0, line: top + 1)
    let right = { (text: String, end: Int) in end - text.count }
    for index in 0..<classes {
      let end = labelWidth + (index + 1) * (cellWidth + 2)
      canvas.write(
        name(of: index), column: right(name(of: index), end), line: top + 1,
        style: CellStyle(bold: color))
      canvas.write(name(of: index), column: 0, line: top + 2 + index, style: CellStyle(bold: color))
    }
    for row in 0..<classes {
      for column in 0..<classes {
        let end = labelWidth + (column + 1) * (cellWidth + 2)
        var text = cellText(row, column, glyphs: glyphs)
        if row == column && !color { text = "[\(text)]" }
        canvas.write(
          text, column: right(text, end) - (row == column && !color ? 0 : 1),
          line: top + 2 + row, style: style(row, column, color: color))
      }
    }
    canvas.write(summary, column: 0, line: top + 2 + classes)
    return canvas.rendered(color: color)
  }

  /// Correct predictions bold green, mistakes red, empty cells grey.
  private func style(_ row: Int, _ column: Int, color: Bool) -> CellStyle {
    guard color else { return .plain }
    if row == column { return CellStyle(foreground: .terminalAt(2), bold: true) }
    return CellStyle(foreground: count(row, column) == 0 ? .axis : .terminalAt(3))
  }
}
