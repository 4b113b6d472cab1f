/// A grid of numbers over two settings, such as a sweep's final validation loss for each
/// learning rate (rows) and batch size (columns), each cell shaded by how good it is: the best
/// cell darkest, the worst palest.
public struct HeatmapChart: Sendable {
  /// The heading above the grid.
  public var title: String
  /// The names of the settings along the rows and along the columns.
  public var rowName, columnName: String
  /// The rows' and the columns' values, as shown.
  public var rowLabels, columnLabels: [String]
  /// `values[row][column]`, nil where there is none; shading reads these.
  public var values: [[Double?]]
  /// `texts[row][column]`: how each value is shown.
  public var texts: [[String]]
  /// Whether a smaller value is better (a loss) rather than a larger one (an accuracy).
  public var lowerIsBetter: Bool

  /// A heatmap of `values` shown as `texts`.
  public init(
    title: String, rowName: String, columnName: String, rowLabels: [String],
    columnLabels: [String], values: [[Double?]], texts: [[String]], lowerIsBetter: Bool
  ) {
    self.title = title
    self.rowName = rowName
    self.columnName = columnName
    self.rowLabels = rowLabels
    self.columnLabels = columnLabels
    self.values = values
    self.texts = texts
    self.lowerIsBetter = lowerIsBetter
  }

  /// How good the cell at (`row`, `column`) is among all cells, from 0 (the worst) to 1 (the
  /// best); nil without a finite value.
  func goodness(_ row: Int, _ column: Int) -> Double? {
    let finite = values.joined().compactMap { $0 }.filter(\.isFinite)
    guard let value = cell(values, row, column) ?? nil, value.isFinite,
      let low = finite.min(), let high = finite.max()
    else { return nil }
    guard high > low else { return 1 }
    let share = (value - low) / (high - low)
    return lowerIsBetter ? 1 - share : share
  }

  /// The element at (`row`, `column`) of a ragged grid, or nil outside it.
  private func cell<Element>(_ grid: [[Element]], _ row: Int, _ column: Int) -> Element? {
    row < grid.count && column < grid[row].count ? grid[row][column] : nil
  }

  /// The shading of a cell: white for the worst, the palette's blue for the best.
  func shade(_ goodness: Double) -> ChartColor {
    ChartColor.white.mixed(with: .at(0), 0.15 + 0.85 * goodness)
  }

  /// The grid as text: the column setting's values across, the row setting's down, each cell
  /// led by a shade block (`░▒▓█`, darker is better) and, with `color`, on its shade.
  public func render(color: Bool = false, glyphs: Glyphs = .unicode) -> String {
    let blocks: [Character] = glyphs == .unicode ? ["░", "▒", "▓", "█"] : [".", ":", "+", "#"]
    let cells = rowLabels.indices.map { row in
      columnLabels.indices.map { column -> (text: String, goodness: Double?) in
        (cell(texts, row, column) ?? "–", goodness(row, column))
      }
    }
    let labelWidth = max(rowName.count, rowLabels.map(\.count).max() ?? 0)
    let cellWidth = max(
      columnLabels.map(\.count).max() ?? 0, cells.joined().map { $0.text.count + 2 }.max() ?? 0)
    let width = max(labelWidth + 2 + columnLabels.count * (cellWidth + 2), title.count)
    var canvas = TextCanvas(width: width, height: rowLabels.count + 4)
    canvas.write(title, column: 0, line: 0, style: CellStyle(bold: true))
    canvas.write(
      rowName.padding(toLength: labelWidth, withPad: " ", startingAt: 0) + "  " + columnName + " →",
      column: 0, line: 1)
    for (column, label) in columnLabels.enumerated() {
      let start = labelWidth + 2 + column * (cellWidth + 2)
      canvas.write(label, column: start + cellWidth - label.count, line: 2)
    }
    for (row, label) in rowLabels.enumerated() {
      canvas.write(label, column: 0, line: row + 3)
      for (column, entry) in cells[row].enumerated() {
        let start = labelWidth + 2 + column * (cellWidth + 2)
        var style = CellStyle.plain
        var block: Character = " "
        if let goodness = entry.goodness {
          block = blocks[min(3, Int(goodness * 4))]
          style = CellStyle(foreground: goodness > 0.6 ? .white : .ink, background: shade(goodness))
        }
        let text =
          String(block) + String(repeating: " ", count: cellWidth - entry.text.count - 1)
          + entry.text
        canvas.write(text, column: start, line: row + 3, style: style)
      }
    }
    canvas.write(
      "darker is better (\(lowerIsBetter ? "lower" : "higher"))", column: 0,
      line: rowLabels.count + 3)
    return canvas.rendered(color: color)
  }

  /// The grid as a standalone SVG document: one shaded square per cell with its value, the
  /// settings' values along the top and the left.
  public func svg() -> String {
    let labelWidth = Double(max(rowName.count, rowLabels.map(\.count).max() ?? 0)) * 7 + 20
    let cellWidth = max(70, Double(texts.joined().map(\.count).max() ?? 0) * 8 + 16)
    let cellHeight = 40.0
    let (left, top) = (labelWidth + 20, 90.0)
    let width = Int(
      max(left + cellWidth * Double(columnLabels.count) + 20, Double(title.count) * 9 + 40))
    let height = Int(top + cellHeight * Double(rowLabels.count) + 50)
    var document = SVGDocument(width: width, height: height)
    document.text(title, x: Double(width) / 2, y: 30, size: 15, anchor: "middle", bold: true)
    document.text(
      columnName, x: left + cellWidth * Double(columnLabels.count) / 2, y: 58, size: 13,
      anchor: "middle")
    document.text(rowName, x: left - 10, y: 80, size: 13, anchor: "end")
    for (column, label) in columnLabels.enumerated() {
      document.text(
        label, x: left + cellWidth * (Double(column) + 0.5), y: top - 8, anchor: "middle")
    }
    for (row, label) in rowLabels.enumerated() {
      let y = top + cellHeight * Double(row)
      document.text(label, x: left - 10, y: y + cellHeight / 2 + 4, anchor: "end")
      for column in columnLabels.indices {
        let x = left + cellWidth * Double(column)
        let goodness = goodness(row, column)
        document.rect(
          x: x, y: y, width: cellWidth, height: cellHeight,
          fill: goodness.map(shade) ?? .white, stroke: .grid)
        document.text(
          cell(texts, row, column) ?? "–", x: x + cellWidth / 2, y: y + cellHeight / 2 + 4,
          anchor: "middle", fill: (goodness ?? 0) > 0.6 ? .white : .ink)
      }
    }
    document.text(
      "darker is better (\(lowerIsBetter ? "lower" : "higher"))", x: left,
      y: top + cellHeight * Double(rowLabels.count) + 26, fill: .axis)
    return document.rendered
  }
}
