extension DecisionBoundary {
  /// The chart as a standalone SVG document `width` × `height` pixels: one rectangle per run of
  /// equally coloured grid cells in a row, the points as outlined marks, axes and a legend.
  public func svg(width: Int = 520, height: Int = 560) -> String {
    let (placed, notes) = placedPoints()
    var legend: [(samples: [SVGSample], label: String)] = (0..<classCount).map { index in
      let mark = SVGSample.mark(MarkShape.at(index), ChartColor.at(index))
      guard case .classes = values, values.size.rows > 0 else { return ([mark], name(of: index)) }
      return ([mark, .swatch(RegionColors.svg(.predicted(index)))], name(of: index))
    }
    if case .probabilities = values {
      let levels = [0.05, 0.25, 0.5, 0.75, 0.95].map {
        SVGSample.swatch(RegionColors.svg(.probability($0)))
      }
      legend.append((levels, "p(\(name(of: 1))) from 0 to 1"))
    }
    let frame = SVGFrame(
      width: width, height: height, title: title, xLabel: xLabel, yLabel: yLabel, legend: legend,
      notes: notes)
    let xAxis = ticks(bounds.x, columns: width / 8)
    let yAxis = ticks(bounds.y, rows: height / 30)
    let xTicks = zip(xAxis.values, xAxis.labels).map {
      (fraction: xAxis.fraction(of: $0, scale: .linear), label: $1)
    }
    let yTicks = zip(yAxis.values, yAxis.labels).map {
      (fraction: yAxis.fraction(of: $0, scale: .linear), label: $1)
    }
    return frame.render(xTicks: xTicks, yTicks: yTicks) { document, area in
      drawRegions(into: &document, area: area)
      for point in placed {
        MarkShape.at(point.label).draw(
          into: &document,
          center: (area.x + point.across * area.width, area.y + (1 - point.up) * area.height),
          size: 7, fill: ChartColor.at(point.label), stroke: .white)
      }
    }
  }

  /// The predictions as rectangles, merging neighbours of the same colour along each row.
  private func drawRegions(
    into document: inout SVGDocument, area: (x: Double, y: Double, width: Double, height: Double)
  ) {
    let (rows, columns) = values.size
    guard rows > 0, columns > 0 else { return }
    let (cellWidth, cellHeight) = (area.width / Double(columns), area.height / Double(rows))
    for row in 0..<rows {
      var column = 0
      while column < columns {
        let fill = values.value(row: row, column: column).map(RegionColors.svg)
        var end = column + 1
        while end < columns, values.value(row: row, column: end).map(RegionColors.svg) == fill {
          end += 1
        }
        if let fill {
          document.rect(
            x: area.x + Double(column) * cellWidth,
            y: area.y + area.height - Double(row + 1) * cellHeight,
            width: Double(end - column) * cellWidth, height: cellHeight, fill: fill,
            extra: " shape-rendering=\"crispEdges\"")
        }
        column = end
      }
    }
  }
}
