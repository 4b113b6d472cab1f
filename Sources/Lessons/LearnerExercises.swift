import Foundation
import Support

/// `trainbook lesson start` and `trainbook lesson test`: the learner's copy of the exercises
/// (`NN-topic/NAME.tb` in a folder of their choice), and running them as tests.
public struct LearnerExercises: Sendable {
  /// The lessons the exercises come from.
  public var library: LessonLibrary
  /// The learner's folder.
  public var folder: String

  /// The learner's exercises in `folder`, from `library`.
  public init(library: LessonLibrary, folder: String) {
    self.library = library
    self.folder = folder
  }

  /// The folder `trainbook lesson start` copies into by default.
  public static let defaultFolder = "trainbook-exercises"

  /// Copies every shipped exercise that is not in the folder yet (a learner's work is never
  /// overwritten); returns the relative paths copied.
  public func copyShipped() throws -> [String] {
    var copied: [String] = []
    for lesson in library.lessons {
      try FileManager.default.createDirectory(
        atPath: folder + "/" + lesson.folder, withIntermediateDirectories: true)
      for exercise in lesson.exercises where !exists(exercise) {
        try writeAtomically(exercise.source.utf8, to: path(of: exercise))
        copied.append(exercise.relativePath)
      }
    }
    return copied
  }

  /// Where `exercise` lives in the learner's folder.
  public func path(of exercise: Exercise) -> String { folder + "/" + exercise.relativePath }

  /// Whether the learner's folder has `exercise`.
  public func exists(_ exercise: Exercise) -> Bool {
    FileManager.default.fileExists(atPath: path(of: exercise))
  }

  /// The exercises to test: those of the lesson `name` names (all lessons when `nil`), in order.
  public func exercises(named name: String?) throws -> [Exercise] {
    guard let name else { return library.lessons.flatMap(\.exercises) }
    guard let lesson = library.lesson(named: name) else {
      let exercise = library.lessons.flatMap(\.exercises).first { $0.name == name }
      guard let exercise else {
        throw LessonError(
          file: name, "no lesson or exercise has this name; `trainbook lesson list` lists them")
      }
      return [exercise]
    }
    return lesson.exercises
  }

  /// Runs the learner's copy of `exercise` (`nil` when it is not in the folder).
  public func run(_ exercise: Exercise) -> ExerciseRun? {
    guard let data = FileManager.default.contents(atPath: path(of: exercise)) else { return nil }
    return ExerciseRun(
      source: String(decoding: data, as: UTF8.self), origin: exercise.relativePath,
      folder: folder + "/" + exercise.lessonFolder)
  }

  /// A report of one exercise's run, rustlings-style: a mark and the path, and for a failure
  /// the failed expectation with its values and the first hint.
  public static func report(_ run: ExerciseRun?, of exercise: Exercise) -> String {
    guard let run else {
      return "? \(exercise.relativePath): not in your folder (`trainbook lesson start` copies it)"
    }
    let time = String(format: "%.2f s", run.seconds)
    guard let failure = run.failure else {
      return "✓ \(exercise.relativePath) passes (\(time))"
    }
    let indented = failure.split(separator: "\n", omittingEmptySubsequences: false)
      .map { "    " + $0 }.joined(separator: "\n")
    return "✗ \(exercise.relativePath) fails (\(time)): \(exercise.title)\n" + indented
      + "\n  Hint: " + (exercise.hints.first ?? "read the TODO comments")
  }
}
