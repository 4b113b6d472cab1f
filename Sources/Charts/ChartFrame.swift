/// One entry of a terminal legend: a small sample of how something is drawn, then its name.
package struct LegendEntry: Sendable {
  /// The sample's characters and their styles.
  package var sample: [(Character, CellStyle)]
  /// The name shown after the sample.
  package var label: String

  /// An entry showing `sample` before `label`.
  package init(sample: [(Character, CellStyle)], label: String) {
    self.sample = sample
    self.label = label
  }

  /// The columns the entry takes.
  var width: Int { sample.count + 1 + label.count }
}

/// The frame of a terminal chart around its plot area: title, y label, tick labels, axes, x label,
/// legend and notes. It decides how much room the plot gets, then assembles the picture.
package struct ChartFrame: Sendable {
  /// The whole chart's size in columns and lines.
  package let width, height: Int
  /// The chart's heading, centred above the plot; empty for none.
  package let title: String
  /// The names of the axes; empty for none.
  package let xLabel, yLabel: String
  /// Notes printed below everything, e.g. about points left out.
  package let notes: [String]
  /// The legend, already wrapped into lines that fit `width`.
  let legendLines: [[LegendEntry]]

  /// Gap between legend entries.
  private static let legendGap = 3

  /// A frame for a chart `width` × `height`, wrapping `legend` into lines that fit.
  package init(
    width: Int, height: Int, title: String, xLabel: String, yLabel: String,
    legend: [LegendEntry], notes: [String]
  ) {
    self.width = max(width, 20)
    self.height = height
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.notes = notes
    var lines: [[LegendEntry]] = []
    var used = 0
    for entry in legend {
      if let last = lines.indices.last, used + Self.legendGap + entry.width <= self.width - 6 {
        lines[last].append(entry)
        used += Self.legendGap + entry.width
      } else {
        lines.append([entry])
        used = entry.width
      }
    }
    legendLines = lines
  }

  /// Lines above the plot: the title and the y label.
  private var linesAbove: Int { (title.isEmpty ? 0 : 1) + (yLabel.isEmpty ? 0 : 1) }

  /// The number of lines left for the plot: at least 3.
  package var plotRows: Int {
    let below = 2 + (xLabel.isEmpty ? 0 : 1) + legendLines.count + notes.count
    return max(3, height - linesAbove - below)
  }

  /// The number of columns left for the plot beside y tick labels `labelWidth` wide, keeping
  /// `overhang` columns on the right for the last x tick label: at least 8.
  package func plotColumns(labelWidth: Int, overhang: Int) -> Int {
    max(8, width - labelWidth - 2 - overhang)
  }

  /// The finished chart: `plot` framed by axes with `xTicks` (column in the plot, label) below and
  /// `yTicks` (row in the plot, label) on the left.
  package func render(
    plot: TextCanvas, xTicks: [(column: Int, label: String)], yTicks: [(row: Int, label: String)],
    color: Bool, glyphs: Glyphs
  ) -> String {
    let labelWidth = yTicks.map(\.label.count).max() ?? 0
    let left = labelWidth + 2
    let axisStyle = CellStyle(foreground: .axis)
    let lineCount =
      linesAbove + plot.height + 2 + (xLabel.isEmpty ? 0 : 1) + legendLines.count + notes.count
    let legendWidth = legendLines.map { line in
      line.map(\.width).reduce(0, +) + Self.legendGap * (line.count - 1)
    }
    let widest =
      ([width, left + plot.width + 1] + notes.map(\.count)
      + legendWidth.map { left + $0 }).max() ?? width
    var canvas = TextCanvas(width: widest, height: lineCount)
    var line = 0
    if !title.isEmpty {
      let start = left + max(0, (plot.width - title.count) / 2)
      canvas.write(
        title, column: max(0, min(start, width - title.count)), line: line,
        style: CellStyle(bold: true))
      line += 1
    }
    if !yLabel.isEmpty {
      canvas.write(yLabel, column: 0, line: line)
      line += 1
    }
    let unicode = glyphs == .unicode
    for row in 0..<plot.height {
      canvas.put(unicode ? "│" : "|", column: left - 1, line: line + row, style: axisStyle)
    }
    var labelled: Set<Int> = []
    for tick in yTicks where tick.row >= 0 && tick.row < plot.height {
      guard labelled.insert(tick.row).inserted else { continue }
      let text = String(repeating: " ", count: labelWidth - tick.label.count) + tick.label
      canvas.write(text, column: 0, line: line + tick.row, style: axisStyle)
      canvas.put(unicode ? "┤" : "+", column: left - 1, line: line + tick.row, style: axisStyle)
    }
    canvas.paste(plot, column: left, line: line)
    line += plot.height
    canvas.put(unicode ? "└" : "+", column: left - 1, line: line, style: axisStyle)
    for column in 0..<plot.width {
      canvas.put(unicode ? "─" : "-", column: left + column, line: line, style: axisStyle)
    }
    var free = 0
    for tick in xTicks where tick.column >= 0 && tick.column < plot.width {
      canvas.put(unicode ? "┬" : "+", column: left + tick.column, line: line, style: axisStyle)
      let start = max(free, left + tick.column - (tick.label.count - 1) / 2)
      guard start + tick.label.count <= canvas.width, start <= left + tick.column else { continue }
      canvas.write(tick.label, column: start, line: line + 1, style: axisStyle)
      free = start + tick.label.count + 1
    }
    line += 2
    if !xLabel.isEmpty {
      canvas.write(xLabel, column: left + max(0, (plot.width - xLabel.count) / 2), line: line)
      line += 1
    }
    for entries in legendLines {
      var column = left
      for entry in entries {
        for (offset, (character, style)) in entry.sample.enumerated() {
          canvas.put(character, column: column + offset, line: line, style: style)
        }
        canvas.write(entry.label, column: column + entry.sample.count + 1, line: line)
        column += entry.width + Self.legendGap
      }
      line += 1
    }
    for note in notes {
      canvas.write(note, column: 0, line: line, style: axisStyle)
      line += 1
    }
    return canvas.rendered(color: color)
  }
}
