import Lessons
import Testing

@Suite struct StepRenderingTests {
  @Test func proseLosesItsEmphasisAndCodeIsIndented() {
    let markdown = """
      An **underfit** model, the *validation* loss, `x * 2` and 2 * 3.
      ```trainbook
      y = x * 2  # **not** emphasis
      ```
      """
    #expect(
      LessonStep.forTerminal(markdown) == """
        An underfit model, the validation loss, `x * 2` and 2 * 3.
            y = x * 2  # **not** emphasis
        """)
  }
}
