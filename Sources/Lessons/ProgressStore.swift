import Foundation
import Notebook
import Support

/// What a learner has done: for each lesson (by folder), the step they are on, the steps
/// whose checks passed, and the exercises that passed.
public struct LearnerProgress: Codable, Equatable, Sendable {
  /// One lesson's progress.
  public struct LessonProgress: Codable, Equatable, Sendable {
    /// The step the learner is on, from 1.
    public var currentStep = 1
    /// The steps whose checks passed.
    public var passedSteps: Set<Int> = []
    /// The exercises (by name) whose last test passed.
    public var passedExercises: Set<String> = []

    /// Creates an empty record.
    public init() {}
  }

  /// Progress by lesson folder.
  public var lessons: [String: LessonProgress] = [:]
  /// The folder of the lesson last started in guided mode.
  public var currentLesson: String?

  /// No progress.
  public init() {}

  /// The lesson's progress (empty if never started).
  public subscript(folder: String) -> LessonProgress {
    get { lessons[folder] ?? LessonProgress() }
    set { lessons[folder] = newValue }
  }
}

/// Where progress is kept: `progress.json` in `TRAINBOOK_HOME`, else in `~/.trainbook`. Written
/// atomically, so a crash leaves the old file or the new one.
public struct ProgressStore: Sendable {
  /// The progress file.
  public var path: String

  /// A store at `path`.
  public init(path: String) { self.path = path }

  /// The store for this user: `$TRAINBOOK_HOME/progress.json`, else
  /// `$HOME/.trainbook/progress.json`.
  public init(environment: [String: String]) {
    let home =
      environment["TRAINBOOK_HOME"]
      ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.trainbook"
    path = home + "/progress.json"
  }

  /// The saved progress; none when there is no file yet. A damaged file throws (it is never
  /// silently replaced).
  public func load() throws -> LearnerProgress {
    guard let data = FileManager.default.contents(atPath: path) else { return LearnerProgress() }
    do {
      return try JSONDecoder().decode(LearnerProgress.self, from: data)
    } catch {
      throw LessonError(
        file: path, "the progress file is damaged; move it away to start afresh")
    }
  }

  /// Saves `progress`, creating the folder if needed.
  public func save(_ progress: LearnerProgress) throws {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try writeAtomically(try encoder.encode(progress), to: path)
  }

  /// Loads, applies `change`, and saves.
  public func update(_ change: (inout LearnerProgress) -> Void) throws {
    var progress = try load()
    change(&progress)
    try save(progress)
  }
}
