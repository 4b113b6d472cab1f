import Charts
import Testing

/// Whole rendered confusion matrices.
@Suite struct ConfusionMatrixTests {
  @Test func countsWithTheDiagonalInBrackets() {
    let chart = ConfusionMatrixChart(counts: [[5, 1], [2, 7]], classNames: ["cat", "dog"])
    expectLines(
      chart.render(),
      """
      Confusion matrix
              predicted →
      true ↓  cat  dog
      cat     [5]   1
      dog      2   [7]
      accuracy 80.0% (12 of 15)
      """)
  }

  @Test func rowNormalisedPercentagesInASCII() {
    let chart = ConfusionMatrixChart(counts: [[5, 1], [0, 0]], normalized: true)
    expectLines(
      chart.render(glyphs: .ascii),
      """
      Confusion matrix
            predicted ->
      true        0        1
      0     [83.3%]   16.7%
      1          -       [-]
      accuracy 83.3% (5 of 6)
      """)
  }

  @Test func colorMarksRightAndWrong() {
    let chart = ConfusionMatrixChart(counts: [[5, 1], [0, 7]])
    let text = chart.render(color: true)
    #expect(text.contains("\u{1B}[1;38;5;113m5"))
    #expect(text.contains("\u{1B}[38;5;203m1"))
    #expect(!hasEscape(chart.render(color: false)))
  }

  @Test func raggedOrEmptyInputDoesNotCrash() {
    #expect(ConfusionMatrixChart(counts: []).render() == "Confusion matrix\n(no classes)")
    let ragged = ConfusionMatrixChart(counts: [[3], [1, 2, 4]]).render()
    #expect(ragged.contains("accuracy 50.0% (5 of 10)"))
  }
}
