import Foundation
import Notebook

/// A lesson as shipped: `lessons/NN-topic/` with `lesson.md` (the steps), `lesson.json` (the
/// manifest), `exercises/NAME.tb` (failing as shipped), `checks/NAME.tb` (run after the learner's
/// file), `solutions/NAME.tb` (passing) and `wrong/NAME/*.tb` (known wrong routes, failing).
public struct Lesson: Equatable, Sendable {
  /// The folder's name, such as `03-fitting`.
  public var folder: String
  /// The lesson's number, from the folder's name.
  public var number: Int
  /// The topic, the folder's name after the number: what `:lesson fitting` types.
  public var topic: String
  /// The manifest: title, summary, exercises and their hints.
  public var manifest: LessonManifest
  /// The lesson text: introduction and steps.
  public var text: LessonText
  /// The exercises, in order, with their shipped and solved sources.
  public var exercises: [Exercise]

  /// The lesson's title.
  public var title: String { manifest.title }

  /// Reads the lesson in `folder` under `root`; anything malformed throws a ``LessonError``
  /// naming the file (relative to `root`) and line.
  public init(folder: String, in root: String) throws {
    guard let (number, topic) = Self.numberAndTopic(of: folder) else {
      throw LessonError(
        file: folder, "a lesson folder is named `NN-topic`, such as `03-fitting`")
    }
    self.folder = folder
    self.number = number
    self.topic = topic
    manifest = try LessonManifest.decode(
      try Self.read(folder + "/lesson.json", in: root), file: folder + "/lesson.json")
    let textFile = folder + "/lesson.md"
    text = try LessonText(
      parsing: String(
        decoding: try Self.read(textFile, in: root), as: UTF8.self),
      file: textFile)
    exercises = try manifest.exercises.map { entry in
      func text(_ kind: String) throws -> String {
        let file = "\(folder)/\(kind)/\(entry.name).tb"
        return String(decoding: try Self.read(file, in: root), as: UTF8.self)
      }
      return Exercise(
        lessonFolder: folder, name: entry.name, title: entry.title, hints: entry.hints,
        source: try text("exercises"), checks: try text("checks"),
        solution: try text("solutions"),
        wrongRoutes: try Self.wrongRoutes(in: "\(folder)/wrong/\(entry.name)", root: root))
    }
  }

  /// The known wrong routes in `folder` (relative to `root`), by file name; none when the folder
  /// does not exist.
  private static func wrongRoutes(in folder: String, root: String) throws -> [WrongRoute] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: root + "/" + folder)) ?? []
    return try names.filter { $0.hasSuffix(".tb") }.sorted().map { name in
      let file = folder + "/" + name
      return WrongRoute(
        file: file,
        source: String(decoding: try read(file, in: root), as: UTF8.self))
    }
  }

  /// Whether `typed` names this lesson: its topic, its number, or its folder.
  public func isNamed(_ typed: String) -> Bool {
    typed == topic || typed == folder || Int(typed) == number
  }

  /// `NN` and `topic` of a folder named `NN-topic`.
  static func numberAndTopic(of folder: String) -> (Int, String)? {
    let parts = folder.split(separator: "-", maxSplits: 1)
    guard parts.count == 2, parts[0].count == 2, let number = Int(parts[0]),
      parts[1].allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" })
    else { return nil }
    return (number, String(parts[1]))
  }

  /// The contents of `file` (relative to `root`), which must be a file inside `root` (a link
  /// that leads out of the lessons folder is refused) and not empty.
  private static func read(_ file: String, in root: String) throws -> Data {
    let path: String
    do {
      path = try FileSandbox(folder: root).resolve(file, for: .read)
    } catch {
      throw LessonError(
        file: file,
        error.reason.hasPrefix("no such file")
          ? "the file is missing"
          : "it leads out of the lessons folder (\(error.reason)); a lesson may only use its "
            + "own files")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw LessonError(file: file, "the file is missing or cannot be read")
    }
    guard !data.isEmpty else { throw LessonError(file: file, "the file is empty") }
    return data
  }
}

/// One exercise: trainbook code with `TODO` markers for the learner, and checks shipped with the
/// lesson that run after it and fail until the learner solves it.
public struct Exercise: Equatable, Sendable {
  /// The lesson's folder, such as `05-learning-rate`.
  public var lessonFolder: String
  /// The file name without `.tb`.
  public var name: String
  /// What it asks, in a few words.
  public var title: String
  /// Hints, gentlest first.
  public var hints: [String]
  /// The exercise as shipped.
  public var source: String
  /// The checks (`expect`s, `check_data`) run after the learner's file in the same session; the
  /// learner's copy does not hold them, so editing it cannot weaken them.
  public var checks: String
  /// The solved exercise.
  public var solution: String
  /// Known wrong routes to the checks' numbers, which the checks must refuse.
  public var wrongRoutes: [WrongRoute]

  /// Where the exercise lives inside a learner's folder: `NN-topic/NAME.tb`.
  public var relativePath: String { lessonFolder + "/" + name + ".tb" }

  /// Creates an exercise from its parts, as a lesson folder's files give them.
  public init(
    lessonFolder: String, name: String, title: String, hints: [String], source: String,
    checks: String, solution: String, wrongRoutes: [WrongRoute]
  ) {
    self.lessonFolder = lessonFolder
    self.name = name
    self.title = title
    self.hints = hints
    self.source = source
    self.checks = checks
    self.solution = solution
    self.wrongRoutes = wrongRoutes
  }
}

/// A known wrong route through an exercise: a learner's file that edits only the `TODO` lines yet
/// reaches the target the wrong way (training on the validation data, skipping the technique
/// taught). Its first comment says why it is wrong.
public struct WrongRoute: Equatable, Sendable {
  /// Its path under the lessons folder: `NN-topic/wrong/NAME/what.tb`.
  public var file: String
  /// The learner's file it stands for.
  public var source: String
}
