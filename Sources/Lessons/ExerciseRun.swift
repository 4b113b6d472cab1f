import Foundation
import Language
import Notebook

/// What running a learner's copy of an exercise gave: whether it edits only the `TODO` lines,
/// runs without an error, and passes the checks shipped with the lesson (run afterwards in the
/// same session); the first failure's message, what it printed, and how long it took.
public struct ExerciseRun: Sendable {
  /// How far the run got.
  public enum Outcome: Sendable, Equatable {
    /// Lines outside the `TODO`s were changed; nothing ran.
    case editedOutsideTodos
    /// The learner's code stopped with an error.
    case failedToRun
    /// The learner's code ran, and a shipped check failed.
    case failedChecks
    /// Every check passed.
    case passed
  }

  /// How far the run got.
  public var outcome: Outcome
  /// Whether the file edits only the `TODO` lines, runs, and passes every shipped check.
  public var passed: Bool { outcome == .passed }
  /// The first error or failed check, rendered with its line, caret and values (or the diff of
  /// the lines changed outside the `TODO`s); `nil` when it passed.
  public var failure: String?
  /// Everything the file and its checks printed before they stopped.
  public var printed: [String] = []
  /// Wall-clock seconds the run took.
  public var seconds: Double

  /// Runs `source`, the learner's copy of `exercise`, in a fresh session and then the exercise's
  /// checks. Relative file paths in the code resolve against `folder`, so an exercise's
  /// checkpoints land beside it; diagnostics name `origin` (default: the exercise's path).
  public init(_ exercise: Exercise, source: String, folder: String, origin: String? = nil) {
    let start = Date()
    if let report = ExerciseEdits(shipped: exercise.source, edited: source).report {
      outcome = .editedOutsideTodos
      failure = report
      seconds = 0
      return
    }
    let session = Session()
    session.resolvePath = confinedPaths(to: folder)
    outcome = .passed
    let stages: [(Outcome, String, String)] = [
      (.failedToRun, source, origin ?? exercise.relativePath),
      (.failedChecks, exercise.checks, exercise.lessonFolder + "/checks/" + exercise.name + ".tb"),
    ]
    for (failing, code, origin) in stages where failure == nil {
      for piece in session.run(code, origin: origin) {
        switch piece {
        case .text(let text): printed.append(text)
        case .chart(let terminal, _): printed.append(terminal)
        case .error(let message):
          if failure == nil {
            failure = message
            outcome = failing
          }
        case .progress, .timing: break
        }
      }
    }
    seconds = Date().timeIntervalSince(start)
  }
}

/// The path rule of code run for a lesson: files only inside `folder` (see `FileSandbox`), or
/// none at all if the folder is missing.
func confinedPaths(to folder: String) -> (String, FileUse) throws -> String {
  do {
    return try FileSandbox(folder: folder).resolve(_:for:)
  } catch {
    return { _, _ in throw error }
  }
}
