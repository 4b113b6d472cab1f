import Foundation

/// What `trainbook lesson test` does: runs a learner's exercises, prints each report and the
/// progress bar, records passes and failures in the progress file, and, when watching, re-runs
/// an exercise whenever its file changes.
public struct ExerciseTester {
  /// The learner's exercise folder.
  public let learner: LearnerExercises
  /// The exercises being tested.
  public let exercises: [Exercise]
  /// Where passes are recorded.
  public let progress: ProgressStore
  /// Where reports go, a line at a time.
  public let say: (String) -> Void
  /// Whether each exercise passed at its last run, by its path under the folder.
  public private(set) var passed: [String: Bool] = [:]
  private var stamps: [String: Date?] = [:]

  /// A tester of `exercises` in `learner`'s folder that records in `progress` and reports to
  /// `say`.
  public init(
    _ exercises: [Exercise], in learner: LearnerExercises, progress: ProgressStore,
    say: @escaping (String) -> Void
  ) {
    self.learner = learner
    self.exercises = exercises
    self.progress = progress
    self.say = say
  }

  /// Whether every exercise passed at its last run.
  public var allPass: Bool { !passed.values.contains(false) }

  /// Runs every exercise once and prints the progress; a progress file that cannot be written
  /// is an error.
  public mutating func runAll() throws {
    for exercise in exercises { try run(exercise) }
    summarize()
  }

  /// Re-runs the exercises whose files changed since they last ran, then prints the progress;
  /// returns whether any ran.
  @discardableResult
  public mutating func rerunChanged() throws -> Bool {
    let changed = exercises.filter { stamps[$0.relativePath] != modificationDate(of: $0) }
    for exercise in changed {
      say("")
      try run(exercise)
    }
    if !changed.isEmpty { summarize() }
    return !changed.isEmpty
  }

  /// Runs the exercises, then keeps re-running changed ones every `interval` until
  /// `isCancelled` says to stop.
  public mutating func watch(every interval: Double, isCancelled: () -> Bool) throws {
    say("Watching \(learner.folder)/ for changes (Ctrl-C stops).")
    while !isCancelled() {
      Thread.sleep(forTimeInterval: interval)
      try rerunChanged()
    }
  }

  /// Runs one exercise, prints its report, and records the result in the progress file.
  private mutating func run(_ exercise: Exercise) throws {
    stamps[exercise.relativePath] = modificationDate(of: exercise)
    let run = learner.run(exercise)
    say(LearnerExercises.report(run, of: exercise))
    let didPass = run?.passed ?? false
    passed[exercise.relativePath] = didPass
    try progress.update { progress in
      if didPass {
        progress[exercise.lessonFolder].passedExercises.insert(exercise.name)
      } else {
        progress[exercise.lessonFolder].passedExercises.remove(exercise.name)
      }
    }
  }

  private func summarize() {
    let count = passed.values.filter { $0 }.count
    say(
      "\nProgress: \(count)/\(passed.count) exercises pass "
        + LessonCatalog.bar(count, of: passed.count))
  }

  private func modificationDate(of exercise: Exercise) -> Date? {
    let path = learner.path(of: exercise)
    return (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
  }
}
