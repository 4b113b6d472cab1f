extension ConfusionMatrixChart {
  /// The table as a standalone SVG document: one square per cell, shaded by its share of the row,
  /// the diagonal outlined, class names along both sides and the accuracy below. Without a size,
  /// the picture grows with the number of classes and is wide enough for the whole title; with
  /// one, a long title is set smaller so that it fits.
  public func svg(width: Int? = nil, height: Int? = nil) -> String {
    let classes = max(classCount, 1)
    let nameWidth = Double((0..<classCount).map { name(of: $0).count }.max() ?? 1) * 7
    let left = 40 + nameWidth + 10
    let top = (title.isEmpty ? 20.0 : 48) + 40
    let cell = min(110, max(56, nameWidth + 14))
    // A bold 15-pixel character is at most about 9 pixels wide; the title gets a margin of 20.
    let titleWidth = Double(title.count) * 9 + 40
    let fullWidth =
      width
      ?? Int(
        max(left + cell * Double(classes), left + Double(summary.count) * 7, titleWidth) + 20)
    let fullHeight = height ?? Int(top + cell * Double(classes) + 40)
    let side = min(
      (Double(fullWidth) - left - 20) / Double(classes),
      (Double(fullHeight) - top - 40) / Double(classes))
    var document = SVGDocument(width: fullWidth, height: fullHeight)
    if !title.isEmpty {
      let size = min(15, 15 * Double(fullWidth) / titleWidth)
      document.text(
        title, x: Double(fullWidth) / 2, y: 30, size: size, anchor: "middle", bold: true)
    }
    let tableWidth = side * Double(classes)
    document.text("predicted", x: left + tableWidth / 2, y: top - 26, size: 13, anchor: "middle")
    document.text("true", x: 20, y: top + tableWidth / 2, size: 13, anchor: "middle", rotated: true)
    for index in 0..<classCount {
      let middle = Double(index) * side + side / 2
      document.text(name(of: index), x: left + middle, y: top - 8, anchor: "middle")
      document.text(name(of: index), x: left - 8, y: top + middle + 4, anchor: "end")
    }
    for row in 0..<classCount {
      for column in 0..<classCount {
        let (x, y) = (left + Double(column) * side, top + Double(row) * side)
        let share = share(row, column)
        let base = row == column ? ChartColor.at(0) : ChartColor.at(3)
        document.rect(
          x: x, y: y, width: side, height: side, fill: ChartColor.white.mixed(with: base, share),
          stroke: .grid)
        document.text(
          cellText(row, column, glyphs: .unicode), x: x + side / 2, y: y + side / 2 + 4,
          anchor: "middle", fill: share > 0.55 ? .white : .ink, bold: row == column)
      }
    }
    for index in 0..<classCount {
      let corner = Double(index) * side
      document.rect(
        x: left + corner + 1, y: top + corner + 1, width: side - 2, height: side - 2,
        fill: .white, stroke: .ink, extra: " fill-opacity=\"0\" stroke-width=\"1.5\"")
    }
    document.text(summary, x: left, y: top + tableWidth + 26, fill: .axis)
    return document.rendered
  }
}
