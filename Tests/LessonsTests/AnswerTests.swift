import Foundation
import Language
import Lessons
import TestSupport
import Testing

/// A step that asks a question: `Choices:` and `Answer:` lines, `:answer` graded by the step's
/// check in the learner's session, and the verifier trying every choice.
@Suite struct AnswerTests {
  static let lesson = """
    ## Step 1: Two numbers
    ```trainbook
    small = 2
    large = 7
    ```
    Which is larger?

    Choices: small, large, the same
    ```check
    expect answer == "large", "compare the two numbers you made"
    ```
    ```solution
    answer = "large"
    ```
    Hint: 7 is more than 2.

    ## Step 2: Their sum
    Answer: number
    ```check
    expect answer == small + large, "add them"
    ```
    ```solution
    answer = small + large
    ```
    """

  /// Writes the lesson `text` as `01-quiz` under `root`, with one small exercise.
  static func write(_ text: String, under root: String) throws {
    let folder = root + "/01-quiz"
    let files = [
      "lesson.md": text,
      "lesson.json": #"""
      {"title": "Quiz", "summary": "Questions.",
       "exercises": [{"name": "01-one", "title": "One", "hints": ["h"]}]}
      """#,
      "exercises/01-one.tb": "z = 0  # TODO\n", "checks/01-one.tb": "expect z == 1\n",
      "solutions/01-one.tb": "z = 1\n",
    ]
    for (name, contents) in files {
      let url = URL(fileURLWithPath: folder + "/" + name)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(contents.utf8).write(to: url)
    }
  }

  /// A library holding the lesson above as `01-quiz`, a guide over it and a session.
  static func withGuide(
    _ body: (_ guide: LessonGuide, _ session: Session, _ store: ProgressStore) throws -> Void
  ) throws {
    try withTemporaryFolder("trainbook-answer") { url in
      try write(lesson, under: url.path)
      let store = ProgressStore(path: url.path + "/home/progress.json")
      let root = url.path
      let guide = LessonGuide(library: { try LessonLibrary(root: root) }, store: store)
      try body(guide, Session(), store)
    }
  }

  static func answer(_ text: String, _ guide: LessonGuide, _ session: Session)
    -> LessonGuide.Reply
  {
    guide.answer(
      text, define: { session.define("answer", as: $0) },
      run: { session.run($0, origin: "check") })
  }

  @Test func aQuestionIsParsedWithItsChoices() throws {
    let text = try LessonText(parsing: Self.lesson, file: "lesson.md")
    #expect(text.steps[0].question == .choice(["small", "large", "the same"]))
    #expect(text.steps[1].question == .number)
    #expect(!text.steps[0].text.contains("Choices:"))
  }

  @Test func hiddenBlocksLeaveNoRunOfBlankLines() throws {
    let text = try LessonText(parsing: Self.lesson, file: "lesson.md")
    #expect(!text.steps[0].text.contains("\n\n\n"))
    #expect(text.steps[0].text.hasSuffix("Which is larger?"))
  }

  @Test func malformedQuestionsAreRefusedAtTheirLine() {
    let cases = [
      ("## Step 1: A\nChoices: yes\n```check\nexpect true\n```\n", "two or more"),
      ("## Step 1: A\nChoices: yes, yes\n```check\nexpect true\n```\n", "two or more"),
      ("## Step 1: A\nAnswer: maybe\n```check\nexpect true\n```\n", "`number` or `text`"),
      ("## Step 1: A\nAnswer: text\n", "no ```check block"),
      ("Choices: a, b\n## Step 1: A\n", "inside a step"),
    ]
    for (source, words) in cases {
      #expect {
        try LessonText(parsing: source, file: "lesson.md")
      } throws: { error in
        "\(error)".contains(words) && "\(error)".contains("lesson.md")
      }
    }
  }

  @Test func aWrongAnswerFailsWithoutGivingTheAnswerAway() throws {
    try Self.withGuide { guide, session, store in
      _ = guide.start("quiz")
      _ = session.run("small = 2\nlarge = 7", origin: nil)
      let check = guide.check { session.run($0, origin: "check") }
      #expect(check.text.contains(":answer followed by one of: small, large, the same"))
      let wrong = Self.answer("small", guide, session)
      #expect(wrong.isFailure)
      #expect(wrong.text.contains("`small` is not it. Compare the two numbers you made."))
      #expect(!wrong.text.contains("large"))
      let unknown = Self.answer("larger", guide, session)
      #expect(unknown.isFailure)
      #expect(unknown.text.contains("is not one of the answers: small, large, the same"))
      #expect(unknown.text.contains("Did you mean `large`?"))
      let passed0 = try store.load()["01-quiz"].passedSteps
      #expect(passed0.isEmpty)
      let right = Self.answer("LARG", guide, session)
      #expect(!right.isFailure)
      #expect(right.text.contains("✓ Step 1 passed"))
      let passed1 = try store.load()["01-quiz"].passedSteps
      #expect(passed1 == [1])
      #expect(guide.solution().text.contains(":answer large"))
    }
  }

  @Test func aNumberAnswerIsANumber() throws {
    try Self.withGuide { guide, session, store in
      _ = guide.start("quiz")
      _ = guide.next()
      _ = session.run("small = 2\nlarge = 7", origin: nil)
      #expect(Self.answer("nine", guide, session).text.contains("is not a number"))
      #expect(Self.answer("8", guide, session).isFailure)
      #expect(!Self.answer("9", guide, session).isFailure)
      let passed2 = try store.load()["01-quiz"].passedSteps
      #expect(passed2 == [2])
    }
  }

  @Test func theVerifierTriesEveryChoice() throws {
    try withTemporaryFolder("trainbook-answer-verify") { url in
      let lenient = Self.lesson.replacingOccurrences(
        of: #"expect answer == "large""#, with: #"expect answer != "the same""#)
      try Self.write(lenient, under: url.path)
      let verifier = LessonVerifier(root: url.path)
      let problems = verifier.findings.compactMap(\.problem)
      #expect(problems.count == 1)
      #expect(problems.first?.contains("accepts 2 of the choices (small, large)") == true)
    }
  }
}
