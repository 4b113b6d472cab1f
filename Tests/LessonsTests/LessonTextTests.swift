import Lessons
import Testing

@Suite struct LessonTextTests {
  static let good = """
    # Title line, dropped
    The introduction.

    ## Step 1: Make data
    Some prose.
    ```trainbook
    data = moons(n: 10, seed: 1)
    ```
    ```check
    expect len(data) == 10
    ```
    Hint: call moons
    Hint: with n: 10

    ## Step 2: Write it yourself
    ```python
    not trainbook
    ```
    ```solution
    x = 1
    ```
    """

  @Test func readsStepsCodeChecksSolutionsAndHints() throws {
    let text = try LessonText(parsing: Self.good, file: "lesson.md")
    #expect(text.introduction == "The introduction.")
    #expect(text.steps.map(\.title) == ["Make data", "Write it yourself"])
    #expect(text.steps.map(\.line) == [4, 15])
    let first = text.steps[0]
    #expect(first.code == ["data = moons(n: 10, seed: 1)"])
    #expect(first.check == "expect len(data) == 10")
    #expect(first.hints == ["call moons", "with n: 10"])
    #expect(first.text == "Some prose.\n```trainbook\ndata = moons(n: 10, seed: 1)\n```")
    #expect(text.steps[1].solution == "x = 1")
    #expect(text.steps[1].check == nil)
    #expect(text.steps[1].completingCode == "x = 1")
    #expect(text.steps[1].text == "```python\nnot trainbook\n```")
  }

  @Test(
    arguments: [
      ("Intro only.\n", nil, "the lesson has no steps"),
      ("## Step 2: Late\n", 1, "this is step 1, but its heading says 2"),
      ("## Step one: Words\n", 1, "a step heading reads `## Step 1: title`"),
      ("## Step 1:   \n", 1, "step 1 has no title"),
      ("## Step 1: A\n```trainbook\nx = 1\n", 2, "never closed"),
      ("```check\nexpect true\n```\n## Step 1: A\n", 1, "must be inside a step"),
      (
        "## Step 1: A\n```check\nexpect true\n```\n```check\nexpect true\n```\n", 5,
        "already has a ```check block"
      ),
      ("## Step 1: A\n```check\n\n```\n", 2, "is empty"),
      ("## Step 1: A\nHint:\n", 2, "has no text"),
      ("Hint: early\n## Step 1: A\n", 1, "must be inside a step"),
    ] as [(String, Int?, String)])
  func malformedTextIsLocated(source: String, line: Int?, message: String) {
    #expect {
      _ = try LessonText(parsing: source, file: "01-x/lesson.md")
    } throws: { error in
      guard let error = error as? LessonError else { return false }
      return error.file == "01-x/lesson.md" && error.line == line
        && error.message.contains(message)
    }
  }
}
