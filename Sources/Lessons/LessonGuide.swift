import Language
import Support

/// Guided mode: the lesson being followed at the prompt, its current step, and what `:lesson`,
/// `:check`, `:answer`, `:hint`, `:next`, `:back` and `:solution` answer. Progress is saved after every
/// change, so a lesson resumes where it was left after a restart.
public final class LessonGuide {
  /// A reply to show: its text, and whether it reports a failure (shown in the error colour).
  public struct Reply: Equatable, Sendable {
    /// The text, possibly several lines.
    public var text: String
    /// Whether it says something failed.
    public var isFailure: Bool

    init(_ text: String, isFailure: Bool = false) {
      self.text = text
      self.isFailure = isFailure
    }
  }

  /// How many failed checks of a step open its solution.
  public static let failuresBeforeSolution = 3

  private let loadLibrary: () throws -> LessonLibrary
  private var library: LessonLibrary?
  private let store: ProgressStore
  private var lesson: Lesson?
  private var stepIndex = 0
  private var failedChecks = 0
  private var hintsShown = 0
  private var stepPassed = false

  /// A guide over the lessons `loadLibrary` reads (loaded on first use), saving to `store`.
  public init(library loadLibrary: @escaping () throws -> LessonLibrary, store: ProgressStore) {
    self.loadLibrary = loadLibrary
    self.store = store
  }

  private var step: LessonStep? { lesson.map { $0.text.steps[stepIndex] } }

  /// The lesson being followed, if one was started.
  public var currentLesson: Lesson? { lesson }

  /// The code of the steps before the current one, in order: typed into a fresh session, it
  /// sets up what the current step builds on, so a lesson resumed at step 3 has steps 1 and 2's
  /// variables and runs. Empty at the first step.
  public var codeBeforeCurrentStep: [String] {
    guard let lesson else { return [] }
    return lesson.text.steps[..<stepIndex].map(\.completingCode).filter { !$0.isEmpty }
  }

  /// `:lesson` without a name: every lesson with the learner's progress.
  public func list() -> Reply {
    do {
      let library = try lessons()
      let progress = try store.load()
      let next = library.lessons.first { lesson in
        progress[lesson.folder].passedSteps.count < lesson.text.steps.count
      }
      return Reply(
        LessonCatalog.listing(library, progress: progress)
          + "\n:lesson NAME starts one (by topic or number), e.g. `:lesson "
          + "\((next ?? library.lessons.first)?.topic ?? "1")`.")
    } catch {
      return Reply("\(error)", isFailure: true)
    }
  }

  /// Why `:lesson NAME` cannot start: no lesson has that name, or the lessons cannot be read;
  /// nil when it can.
  public func refusal(toStart name: String) -> Reply? {
    do {
      let library = try lessons()
      guard library.lesson(named: name) == nil else { return nil }
      let topics = library.lessons.map(\.topic).joined(separator: ", ")
      return Reply("no lesson is called `\(name)`; the lessons are \(topics)", isFailure: true)
    } catch {
      return Reply("\(error)", isFailure: true)
    }
  }

  /// `:lesson NAME`: starts the lesson (resuming at the saved step) and shows its step.
  public func start(_ name: String) -> Reply {
    if let refusal = refusal(toStart: name) { return refusal }
    do {
      let library = try lessons()
      guard let found = library.lesson(named: name) else { return noLesson }
      let saved = try store.load()[found.folder].currentStep
      lesson = found
      stepIndex = min(max(saved, 1), found.text.steps.count) - 1
      resetStepState()
      save { $0.currentLesson = found.folder }
      let intro =
        saved > 1
        ? "Resuming at step \(saved).\n\n"
        : LessonStep.forTerminal(found.text.introduction) + "\n\n"
      return Reply(intro + showStep())
    } catch {
      return Reply("\(error)", isFailure: true)
    }
  }

  /// `:check`: runs the step's check with `run` (in the learner's session) and says whether it
  /// passed, with the failed `expect`'s values when it did not. A step that asks a question is
  /// checked by `:answer`.
  public func check(run: (String) -> [OutputPiece]) -> Reply {
    guard let lesson, let step else { return noLesson }
    guard let check = step.check else {
      markPassed(step)
      return Reply("This step has nothing to check. " + afterPass(in: lesson))
    }
    if let question = step.question {
      return Reply("This step asks a question: type " + question.instruction + ".")
    }
    return grade(run(check), of: step, in: lesson)
  }

  /// `:answer TEXT`: the learner's answer to the step's question. A choice must be one of the
  /// step's choices (or the start of exactly one); a number must be a number. The answer becomes
  /// the session's variable `answer` (through `define`) and the step's check grades it with
  /// `run`; a wrong answer shows the check's message, never the expected answer.
  public func answer(
    _ typed: String, define: (Value) -> Void, run: (String) -> [OutputPiece]
  ) -> Reply {
    guard let lesson, let step else { return noLesson }
    guard let question = step.question, let check = step.check else {
      return Reply(
        "This step asks no question; "
          + (step.check == nil ? "type its code, then :next." : "type its code, then :check."),
        isFailure: true)
    }
    let given = typed.trimming(" \t\"'`").split(separator: " ").joined(separator: " ")
    guard !given.isEmpty else {
      return Reply("Type " + question.instruction + ".", isFailure: true)
    }
    let value: Value
    switch question {
    case .choice(let choices):
      guard let choice = Self.choice(given, among: choices) else {
        let near = closestName(to: given, in: choices).map { " Did you mean `\($0)`?" } ?? ""
        return Reply(
          "`\(given)` is not one of the answers: " + choices.joined(separator: ", ") + "." + near,
          isFailure: true)
      }
      value = .string(choice)
    case .number:
      guard let number = Double(given), number.isFinite else {
        return Reply("`\(given)` is not a number; type :answer and a number.", isFailure: true)
      }
      value = .number(number)
    case .text:
      value = .string(given.lowercased())
    }
    define(value)
    let outputs = run(check)
    guard let failure = outputs.lazy.compactMap(\.errorText).first else {
      return grade(outputs, of: step, in: lesson)
    }
    failedChecks += 1
    let reason =
      Self.expectMessage(in: failure).map { " " + $0.prefix(1).uppercased() + $0.dropFirst() + "." }
      ?? "\n" + failure
    return Reply(
      "✗ `\(given)` is not it." + reason + "\n"
        + advice.replacingOccurrences(
          of: ":hint gives a hint", with: "Look again; :hint gives a hint") + ".",
      isFailure: true)
  }

  /// The choice `given` names: one of `choices` ignoring case, or the start (three letters or
  /// more) of exactly one.
  static func choice(_ given: String, among choices: [String]) -> String? {
    let lowered = given.lowercased()
    if choices.contains(lowered) { return lowered }
    let started = choices.filter { $0.hasPrefix(lowered) }
    return lowered.count >= 3 && started.count == 1 ? started[0] : nil
  }

  /// The message of a failed `expect` in `failure` (`expect failed: MESSAGE (…)`), without the
  /// values it compared, which would give the expected answer away.
  static func expectMessage(in failure: String) -> String? {
    guard let start = failure.range(of: "expect failed: ")?.upperBound else { return nil }
    let rest = failure[start...]
    guard !rest.hasPrefix("`"), let end = rest.range(of: " (`")?.lowerBound else { return nil }
    return String(rest[..<end])
  }

  /// The reply to a check's `outputs`: passed, or the failure and what helps next.
  private func grade(_ outputs: [OutputPiece], of step: LessonStep, in lesson: Lesson) -> Reply {
    let printed = outputs.compactMap { piece -> String? in
      if case .text(let text) = piece { return text }
      return nil
    }
    let prefix = printed.isEmpty ? "" : printed.joined(separator: "\n") + "\n"
    if let failure = outputs.lazy.compactMap(\.errorText).first {
      failedChecks += 1
      return Reply(prefix + failure + "\n" + advice + ".", isFailure: true)
    }
    markPassed(step)
    return Reply(prefix + "✓ Step \(step.number) passed. " + afterPass(in: lesson))
  }

  /// What to do after a failed check: a hint, and the solution once it has opened.
  private var advice: String {
    "Not yet. :hint gives a hint"
      + (failedChecks >= Self.failuresBeforeSolution ? ", :solution shows one way to do it" : "")
  }

  /// `:hint`: the step's next hint (they repeat from the first once all were shown).
  public func hint() -> Reply {
    guard let step else { return noLesson }
    guard !step.hints.isEmpty else {
      return Reply("This step has no hints; read its text again with :back then :next.")
    }
    let index = hintsShown % step.hints.count
    hintsShown += 1
    return Reply("Hint \(index + 1) of \(step.hints.count): " + step.hints[index])
  }

  /// `:next`: the next step (moving on without passing is allowed; the step stays unpassed).
  public func next() -> Reply {
    guard let lesson, step != nil else { return noLesson }
    guard stepIndex + 1 < lesson.text.steps.count else {
      return Reply(
        "This is the last step. The exercises: `trainbook lesson start`, then "
          + "`trainbook lesson test \(lesson.topic)`.")
    }
    stepIndex += 1
    resetStepState()
    save { $0[lesson.folder].currentStep = stepIndex + 1 }
    return Reply(showStep())
  }

  /// `:back`: the previous step.
  public func back() -> Reply {
    guard let lesson, step != nil else { return noLesson }
    guard stepIndex > 0 else { return Reply("This is the first step.\n\n" + showStep()) }
    stepIndex -= 1
    resetStepState()
    save { $0[lesson.folder].currentStep = stepIndex + 1 }
    return Reply(showStep())
  }

  /// `:solution`: the step's code, once it passed or after a few failed checks.
  public func solution() -> Reply {
    guard let lesson, let step else { return noLesson }
    let saved = (try? store.load())?[lesson.folder].passedSteps.contains(step.number) ?? false
    guard stepPassed || saved || failedChecks >= Self.failuresBeforeSolution else {
      return Reply(
        "The solution opens after this step passes or after \(Self.failuresBeforeSolution) "
          + "failed checks (\(failedChecks) so far). Try :hint.")
    }
    let code = Self.typedAnswers(step.completingCode.trimmedLines)
    let indented = code.split(separator: "\n", omittingEmptySubsequences: false)
      .map { "    " + $0 }.joined(separator: "\n")
    return Reply("One way to do step \(step.number):\n" + indented)
  }

  /// `code` with each line `answer = X` shown as the learner types it: `:answer X` for a text or
  /// a number, `:answer` with the value of an expression otherwise.
  static func typedAnswers(_ code: String) -> String {
    code.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      guard line.hasPrefix("answer = ") else { return String(line) }
      let value = String(line.dropFirst("answer = ".count))
      if value.hasPrefix("\"") && value.hasSuffix("\"") { return ":answer " + value.trimming("\"") }
      if Double(value) != nil { return ":answer " + value }
      return ":answer followed by the value of  " + value
    }.joined(separator: "\n")
  }

  private var noLesson: Reply {
    Reply("No lesson is running; :lesson lists them, :lesson NAME starts one.", isFailure: true)
  }

  private func lessons() throws -> LessonLibrary {
    if let library { return library }
    let loaded = try loadLibrary()
    library = loaded
    return loaded
  }

  private func showStep() -> String {
    guard let lesson, let step else { return "" }
    let tail =
      if let question = step.question {
        "Answer with " + question.instruction + " (:hint helps)."
      } else if step.check == nil {
        "Then :next."
      } else {
        (step.code.isEmpty
          ? "Write the code yourself"
          : step.solution == nil
            ? "Type the code" : "Type the code shown and write the rest yourself")
          + ", then :check (:hint helps)."
      }
    return step.rendered(in: lesson) + "\n\n" + tail
  }

  private func afterPass(in lesson: Lesson) -> String {
    if stepIndex + 1 == lesson.text.steps.count {
      return "That was the last step of lesson \(lesson.number). Now the exercises: "
        + "`trainbook lesson start`, then `trainbook lesson test \(lesson.topic)`."
    }
    return ":next goes on (:solution shows one way to do it)."
  }

  private func resetStepState() {
    failedChecks = 0
    hintsShown = 0
    stepPassed = false
  }

  private func markPassed(_ step: LessonStep) {
    guard let lesson else { return }
    stepPassed = true
    save { $0[lesson.folder].passedSteps.insert(step.number) }
  }

  /// Saves a change; progress that cannot be saved is not worth stopping the lesson for.
  private func save(_ change: (inout LearnerProgress) -> Void) {
    try? store.update(change)
  }
}
