/// One step of a lesson: a little prose, code for the learner to type, and a check run in the
/// learner's own session (so it looks at their actual runs and models).
public struct LessonStep: Equatable, Sendable {
  /// The step's number, from 1.
  public var number: Int
  /// The step's title.
  public var title: String
  /// The line of its `## Step N: title` heading in `lesson.md`.
  public var line: Int
  /// What the learner reads: the prose and the code blocks to type, as Markdown.
  public var text: String
  /// The code blocks shown to type (```` ```trainbook ````), in order.
  public var code: [String]
  /// The step's hidden answer (```` ```solution ````), for steps that ask the learner to write
  /// code themselves; `:solution` shows it (or the code blocks when there is none).
  public var solution: String?
  /// trainbook code with `expect`s (```` ```check ````) that passes once the step is done.
  public var check: String?
  /// Known wrong routes (```` ```wrong ````): code that reaches the step's numbers the wrong
  /// way, each starting with a comment saying why; the check must refuse every one.
  public var wrongRoutes: [String]
  /// Hints (`Hint:` lines), gentlest first.
  public var hints: [String]
  /// What the step asks the learner to answer with `:answer` (a `Choices:` or `Answer:` line),
  /// or nil for a step that is done by typing code.
  public var question: StepQuestion? = nil

  /// The code that completes the step: the blocks to type, then the solution.
  public var completingCode: String {
    (code + (solution.map { [$0] } ?? [])).joined(separator: "\n")
  }
}

/// A question a step asks, answered at the prompt with `:answer`: the answer becomes the
/// session's variable `answer`, and the step's check grades it against the learner's own runs.
public enum StepQuestion: Equatable, Sendable {
  /// One of a few words or phrases (`Choices: overfitting, underfitting, good fit`).
  case choice([String])
  /// A number (`Answer: number`).
  case number
  /// A short text (`Answer: text`).
  case text

  /// How the prompt says what to type.
  public var instruction: String {
    switch self {
    case .choice(let choices):
      ":answer followed by one of: " + choices.joined(separator: ", ")
    case .number: ":answer followed by a number"
    case .text: ":answer followed by a word or two"
    }
  }
}
