import Foundation

/// Every lesson in a lessons folder, in the order of their numbers.
public struct LessonLibrary: Sendable {
  /// The folder the lessons were read from.
  public var root: String
  /// The lessons, by number.
  public var lessons: [Lesson]

  /// Reads every `NN-topic` folder under `root`. The first malformed lesson throws; use
  /// ``loadEach(from:)`` to see every lesson's problems.
  public init(root: String) throws {
    self.root = root
    lessons = try Self.loadEach(from: root).map { try $0.get() }
  }

  /// The lessons under `root` that can be read, and the problems of those that cannot, so one
  /// broken lesson does not hide the others.
  public static func readable(from root: String) throws -> (LessonLibrary, [LessonError]) {
    var library = LessonLibrary(root: root, lessons: [])
    var problems: [LessonError] = []
    for result in try loadEach(from: root) {
      switch result {
      case .success(let lesson): library.lessons.append(lesson)
      case .failure(let problem): problems.append(problem)
      }
    }
    return (library, problems)
  }

  private init(root: String, lessons: [Lesson]) {
    self.root = root
    self.lessons = lessons
  }

  /// Every lesson folder under `root`, each read or failed on its own.
  public static func loadEach(from root: String) throws -> [Result<Lesson, LessonError>] {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: root) else {
      throw LessonError(file: root, "there is no lessons folder here")
    }
    let folders = names.filter { name in
      var isFolder: ObjCBool = false
      return name.first?.isNumber == true
        && FileManager.default.fileExists(atPath: root + "/" + name, isDirectory: &isFolder)
        && isFolder.boolValue
    }.sorted()
    guard !folders.isEmpty else { throw LessonError(file: root, "the folder holds no lessons") }
    return folders.map { folder in
      Result { try Lesson(folder: folder, in: root) }.mapError { error in
        error as? LessonError ?? LessonError(file: folder, "\(error)")
      }
    }
  }

  /// The lesson `typed` names (topic, number or folder).
  public func lesson(named typed: String) -> Lesson? {
    lessons.first { $0.isNamed(typed) }
  }

  /// The folder of the shipped lessons: `TRAINBOOK_LESSONS` when set, else the first `lessons`
  /// folder found in the current folder or above the executable (a build inside the
  /// repository finds the repository's lessons).
  public static func locate(
    environment: [String: String], executablePath: String, currentFolder: String
  ) -> String? {
    if let given = environment["TRAINBOOK_LESSONS"] { return given }
    var candidates = [currentFolder]
    var folder = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath()
      .deletingLastPathComponent()
    while folder.path != "/" && candidates.count < 8 {
      candidates.append(folder.path)
      folder = folder.deletingLastPathComponent()
    }
    return candidates.map { $0 + "/lessons" }.first { path in
      FileManager.default.fileExists(atPath: path + "/01-training-loop/lesson.json")
    }
  }

  /// The shipped lessons for this process (see
  /// ``locate(environment:executablePath:currentFolder:)``).
  public static func shipped() throws -> LessonLibrary {
    try LessonLibrary(root: shippedRoot())
  }

  /// The folder of the shipped lessons, or an error saying how to point at it.
  private static func shippedRoot() throws -> String {
    let process = ProcessInfo.processInfo
    guard
      let root = locate(
        environment: process.environment,
        executablePath: Bundle.main.executablePath ?? process.arguments.first ?? "",
        currentFolder: FileManager.default.currentDirectoryPath)
    else {
      throw LessonError(
        file: "lessons",
        "cannot find the lessons folder; run trainbook from its repository or set "
          + "TRAINBOOK_LESSONS to the folder")
    }
    return root
  }

  /// The shipped lessons that can be read, and the problems of the others.
  public static func shippedReadable() throws -> (LessonLibrary, [LessonError]) {
    try readable(from: shippedRoot())
  }
}
