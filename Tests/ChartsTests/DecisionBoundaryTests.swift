import Charts
import Testing

/// Whole rendered decision boundaries for small grids.
@Suite struct DecisionBoundaryTests {
  let boundary = DecisionBoundary(
    title: "Boundary", xRange: 0...4, yRange: 0...3,
    values: .classes([[0, 0, 1, 1], [0, 0, 0, 1], [0, 0, 0, 0]]),
    points: [
      LabeledPoint(x: 0.5, y: 0.5, label: 0), LabeledPoint(x: 3.5, y: 0.5, label: 1),
      LabeledPoint(x: 3.5, y: 2.5, label: 1), LabeledPoint(x: 9, y: 9, label: 0),
    ])

  @Test func classRegionsAsShadesWithMarksOnTop() {
    expectLines(
      boundary.render(width: 36, height: 12),
      """
                     Boundary
      x2
        │                            ▲
      2 ┤                         ░░░░░░░░
        │                         ░░░░░░░░
      0 ┤    ●           ░░░░░░░░░░░░▲░░░░
        └┬───────┬───────┬───────┬───────┬
         0       1       2       3       4
                        x1
         ● [  ] class 0
         ▲ [░░] class 1
      note: 1 point lies outside the plotted range or has no class, left out
      """)
  }

  @Test func probabilitiesAsShadesByQuarter() {
    let chart = DecisionBoundary(
      xRange: 0...1, yRange: 0...1, values: .probabilities([[0.0, 0.3], [0.6, 1.0]]),
      points: [LabeledPoint(x: 0.2, y: 0.2, label: 0)], classNames: ["no", "yes"])
    expectLines(
      chart.render(width: 36, height: 10),
      """
      x2
      1.0 ┤░░░░░░░░░░░░░░░▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒
          │░░░░░░░░░░░░░░░▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒
      0.5 ┤               ···············
      0.0 ┤      ●        ···············
          └┬──────────────┬─────────────┬
          0.0            0.5           1.0
                         x1
           ● no   ▲ yes
           0[  ··░░▒▒]1 p(yes)
      """)
  }

  @Test func anEmptyGridGivesAMessage() {
    let chart = DecisionBoundary(xRange: 0...1, yRange: 0...1, values: .classes([]))
    expectLines(
      chart.render(),
      """
      (nothing to draw)
      """)
  }

  @Test func colorPaintsBackgroundsAndHalfBlocks() {
    let text = boundary.render(width: 36, height: 12, color: true)
    #expect(text.contains("48;5;24m"))
    #expect(text.contains("48;5;94m"))
    #expect(text.contains("▀"))
    #expect(!hasEscape(boundary.render(width: 36, height: 12, color: false)))
    #expect(!hasEscape(boundary.render(color: false, glyphs: .ascii)))
  }

  @Test func asciiUsesOnlyASCII() {
    let text = boundary.render(width: 36, height: 12, glyphs: .ascii)
    #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
    #expect(text.contains("o") && text.contains("x"))
  }

  @Test func missingPredictionsShowAsQuestionMarks() {
    let chart = DecisionBoundary(
      xRange: 0...1, yRange: 0...1, values: .probabilities([[.nan, 0.9]]))
    #expect(chart.render(width: 30, height: 8).contains("?"))
    let classes = DecisionBoundary(xRange: 0...1, yRange: 0...1, values: .classes([[-1, 1], [0]]))
    #expect(classes.render(width: 30, height: 8).contains("?"))
  }

  @Test func gridCentersRunRowByRowFromTheBottom() {
    let centers = DecisionBoundary.gridCenters(xRange: 0...4, yRange: -1...1, columns: 2, rows: 2)
    #expect(centers.map(\.x) == [1, 3, 1, 3])
    #expect(centers.map(\.y) == [-0.5, -0.5, 0.5, 0.5])
  }

  @Test func degenerateRangesAndSizesDoNotCrash() {
    let chart = DecisionBoundary(
      xRange: 1...1, yRange: 2...2, values: .classes([[0]]),
      points: [LabeledPoint(x: 1, y: 2, label: 3)])
    for (width, height) in [(0, 0), (10, 4), (120, 50)] {
      #expect(!chart.render(width: width, height: height, color: true).isEmpty)
    }
  }

  @Test func theNoteAgreesWithTheNumberOfPointsLeftOut() {
    let chart = DecisionBoundary(
      xRange: 0...1, yRange: 0...1, values: .classes([[0]]),
      points: [
        LabeledPoint(x: 0.5, y: 0.5, label: 0), LabeledPoint(x: 9, y: 9, label: 0),
        LabeledPoint(x: 0.5, y: 0.5, label: -1),
      ])
    #expect(
      chart.render().hasSuffix(
        "note: 2 points lie outside the plotted range or have no class, left out"))
  }
}
