import Charts
import Testing

/// Whole rendered line charts for small fixed inputs, and how odd data is handled.
@Suite struct LineChartTests {
  let loss = LineChart(
    title: "Loss", xLabel: "epoch", yLabel: "loss",
    series: [
      Series(name: "train", values: [1.0, 0.6, 0.4, 0.3, 0.25]),
      Series(name: "validation", values: [1.1, 0.7, 0.55, 0.6, 0.7]),
    ])

  @Test func trainAndValidationInBraille() {
    expectLines(
      loss.render(width: 40, height: 12),
      """
                          Loss
      loss
      1.5 ┤
          │⠤⣀
      1.0 ┤⠉⠒⠢⠭⣒ ⢄⣀
      0.5 ┤     ⠉⠑⠒⠤⠭⣒⣀⣒⠤ ⠤⣀ ⣀⣀ ⣀⠤ ⠤⠤ ⠤⠔ ⠒⠒ ⠉⠉
          │             ⠉⠉⠉⠒⠒⠒⠒⠒⠒⠤⠤⠤⠤⠤⠤⠤⠤⢄⣀⣀⣀⣀
      0.0 ┤
          └┬───────┬────────┬────────┬───────┬
           1       2        3        4       5
                          epoch
           ⠒⠒⠒⠒ train   ⠒⠒⠀⠒ validation
      """)
  }

  @Test func trainAndValidationInASCII() {
    let text = loss.render(width: 40, height: 12, glyphs: .ascii)
    expectLines(
      text,
      """
                          Loss
      loss
      1.5 +
          |+++
      1.0 +***+* +
      0.5 +     **+++**++++  ++++  ++++  ++++
          |             **********************
      0.0 +
          ++--------+-------+--------+-------+
           1        2       3        4       5
                          epoch
           ** train   ++ validation
      """)
    #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
  }

  @Test func learningRateFinderOnALogScaleWithADivergedPoint() {
    let finder = LineChart(
      title: "LR finder", xLabel: "learning rate", yLabel: "loss",
      series: [
        Series(name: "", x: [1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1], y: [2.3, 2.2, 1.5, 0.9, 1.4, .nan])
      ], xScale: .log)
    expectLines(
      finder.render(width: 44, height: 10),
      """
                        LR finder
      loss
      3 ┤
      2 ┤⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠑⠒⠒⠤⠤⢄⣀⣀
      1 ┤                   ⠉⠉⠉⠒⠒⠒⠤⠤⠤⣀⣀⣀⡠⠤⠤⠤⠒⠒⠒⠉⠉
      0 ┤
        └┬─────────┬─────────┬────────┬─────────┬
        1e-5      1e-4     0.001     0.01      0.1
                      learning rate
      note: 1 point is NaN or infinite, left out (gaps)
      """)
  }

  @Test func aSinglePointIsADotInAWidenedRange() {
    let chart = LineChart(series: [Series(name: "x", values: [0.5])])
    expectLines(
      chart.render(width: 30, height: 6),
      """
      0.55 ┤
      0.50 ┤            ⠄
      0.45 ┤
           └┬───────────┬──────────┬
            0           1          2
            ⠒⠒⠒⠒ x
      """)
  }

  @Test func aConstantSeriesIsAFlatLineInTheMiddle() {
    let chart = LineChart(series: [Series(name: "flat", values: [2, 2, 2, 2])])
    expectLines(
      chart.render(width: 30, height: 6),
      """
      2.2 ┤
      2.0 ┤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤
      1.8 ┤
          └┬───────┬───────┬───────┬
           1       2       3       4
           ⠒⠒⠒⠒ flat
      """)
  }

  @Test func emptyInputGivesAMessage() {
    expectLines(
      LineChart(title: "Nothing", series: []).render(),
      """
      Nothing
      (no series to plot)
      """)
    expectLines(
      LineChart(series: [Series(name: "bad", values: [.nan, .infinity])]).render(),
      """
      (no points to plot)
      note: bad: 2 points are NaN or infinite, left out (gaps)
      """)
    #expect(LineChart(series: [Series(name: "none", values: [])]).render() == "(no points to plot)")
  }

  @Test func notANumberBreaksTheLineAndIsNoted() {
    let data = LinePlotData(
      series: [Series(name: "val", values: [1, 2, .nan, 4, .infinity, -.infinity, 7])],
      xScale: .linear, yScale: .linear)
    #expect(data.runs[0].map(\.count) == [2, 1, 1])
    #expect(data.notes == ["note: val: 3 points are NaN or infinite, left out (gaps)"])
    #expect(data.yBounds?.lower == 1 && data.yBounds?.upper == 7)
  }

  @Test func aLogScaleLeavesOutValuesAtOrBelowZero() {
    let data = LinePlotData(
      series: [Series(name: "lr", x: [0, 0.01, 0.1, 1], y: [1, -1, 2, 3])],
      xScale: .log, yScale: .log)
    #expect(data.runs[0].map(\.count) == [2])
    #expect(data.notes == ["note: lr: 2 points are at or below zero, left out of the log x/y axis"])
    let text = LineChart(
      series: [Series(name: "lr", x: [0, 0.01, 0.1, 1], y: [1, -1, 2, 3])],
      xScale: .log, yScale: .log
    ).render()
    #expect(text.contains("left out of the log x/y axis"))
  }

  @Test func unequalLengthsArePairedUpToTheShorter() {
    let data = LinePlotData(
      series: [Series(name: "s", x: [1, 2, 3], y: [5, 6])], xScale: .linear, yScale: .linear)
    #expect(data.runs[0].count == 1 && data.runs[0][0].count == 2)
  }

  @Test func aFixedRangeCutsLinesAtItsEdges() {
    let chart = LineChart(
      series: [Series(name: "diverging", values: [0.5, 0.4, 3, 1e9])], yRange: 0...1)
    let text = chart.render(width: 40, height: 10)
    #expect(text.contains("1.0 ┤"))
    #expect(!text.contains("1e9"))
  }

  @Test func colorOnlyWhenAsked() {
    for glyphs in [Glyphs.unicode, .ascii] {
      #expect(!hasEscape(loss.render(color: false, glyphs: glyphs)))
      let colored = loss.render(color: true, glyphs: glyphs)
      #expect(hasEscape(colored))
      #expect(colored.contains("38;5;75m"))
      #expect(colored.contains("38;5;214m"))
    }
  }

  @Test func withoutColorSeriesDifferInStyle() {
    #expect(loss.style(of: 0, color: false) == .solid)
    #expect(loss.style(of: 1, color: false) == .dashed)
    #expect(loss.style(of: 1, color: true) == .solid)
  }

  @Test func anySizeRendersWithoutCrashing() {
    for (width, height) in [(0, 0), (1, 1), (20, 3), (200, 60)] {
      #expect(!loss.render(width: width, height: height).isEmpty)
    }
  }
}

@Suite struct OverlaidRunsTests {
  let runs = LineChart(
    title: "Validation loss", xLabel: "epoch", yLabel: "loss",
    series: [0.0001, 0.001, 0.01, 0.1, 1.0].enumerated().map { index, rate in
      Series(
        name: "lr \(rate)",
        values: (1...20).map { epoch in 1 / (1 + rate * Double(epoch)) + 0.01 * Double(index) })
    })

  @Test func theLegendWrapsToTheWidth() {
    let lines = runs.render(width: 50, height: 20).split(separator: "\n")
    let legend = lines.filter { $0.contains("lr ") }
    #expect(legend.count == 2)
    #expect(legend.joined().components(separatedBy: "lr ").count == 6)
    #expect(lines.allSatisfy { $0.count <= 50 })
  }

  @Test func eachRunHasItsOwnColour() {
    let text = runs.render(color: true)
    for index in [75, 214, 113, 203, 141] { #expect(text.contains("38;5;\(index)m")) }
  }
}
