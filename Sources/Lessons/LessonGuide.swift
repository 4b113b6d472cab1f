import Language

/// Guided mode: the lesson being followed at the prompt, its current step, and what `:lesson`,
/// `:check`, `:hint`, `:next`, `:back` and `:solution` answer. Progress is saved after every
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
  /// passed, with the failed `expect`'s values when it did not.
  public func check(run: (String) -> [OutputPiece]) -> Reply {
    guard let lesson, let step else { return noLesson }
    guard let check = step.check else {
      markPassed(step)
      return Reply("This step has nothing to check. " + afterPass(in: lesson))
    }
    let outputs = run(check)
    let printed = outputs.compactMap { piece -> String? in
      if case .text(let text) = piece { return text }
      return nil
    }
    let prefix = printed.isEmpty ? "" : printed.joined(separator: "\n") + "\n"
    if let failure = outputs.lazy.compactMap(\.errorText).first {
      failedChecks += 1
      var advice = "Not yet. :hint gives a hint"
      if failedChecks >= Self.failuresBeforeSolution {
        advice += ", :solution shows one way to do it"
      }
      return Reply(prefix + failure + "\n" + advice + ".", isFailure: true)
    }
    markPassed(step)
    return Reply(prefix + "✓ Step \(step.number) passed. " + afterPass(in: lesson))
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
    let code = step.completingCode.trimmedLines
    let indented = code.split(separator: "\n", omittingEmptySubsequences: false)
      .map { "    " + $0 }.joined(separator: "\n")
    return Reply("One way to do step \(step.number):\n" + indented)
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
      step.check == nil
      ? "Then :next."
      : (step.code.isEmpty ? "Write the code yourself" : "Type the code")
        + ", then :check (:hint helps)."
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
