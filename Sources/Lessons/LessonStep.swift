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

  /// The code that completes the step: the blocks to type, then the solution.
  public var completingCode: String {
    (code + (solution.map { [$0] } ?? [])).joined(separator: "\n")
  }
}
