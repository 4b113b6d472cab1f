import Foundation
import Lessons
import TestSupport
import Testing

/// Lessons may come from someone else: they read only their own files, an empty solution or a
/// malformed manifest is named clearly, one broken lesson leaves the others usable, and an
/// exercise's code is confined to its folder.
@Suite struct StrangerLessonTests {
  /// A copy of the shipped lessons 01 and 02 in a temporary folder, changed by `change`.
  private func withLessons(
    changing change: (_ root: String) throws -> Void, check: (_ root: String) throws -> Void
  ) throws {
    try withTemporaryFolder("trainbook-stranger") { url in
      let root = url.path + "/lessons"
      try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
      for name in ["01-training-loop", "02-losses"] {
        try FileManager.default.copyItem(
          atPath: ShippedLessonsTests.root + "/" + name, toPath: root + "/" + name)
      }
      try change(root)
      try check(root)
    }
  }

  /// The problem reported for the lesson in `folder`, if it fails to load.
  private func problem(in root: String, _ folder: String) throws -> String? {
    let (_, problems) = try LessonLibrary.readable(from: root)
    return problems.first { $0.file.hasPrefix(folder) }.map(\.description)
  }

  @Test func aLinkedExerciseOutsideTheLessonsIsRefused() throws {
    let exercise = "01-training-loop/exercises/01-step-by-step.tb"
    try withLessons(
      changing: { root in
        try FileManager.default.removeItem(atPath: root + "/" + exercise)
        try FileManager.default.createSymbolicLink(
          atPath: root + "/" + exercise, withDestinationPath: "/etc/hostname")
      },
      check: { root in
        let text = try #require(try problem(in: root, "01-training-loop"))
        #expect(text.contains("leads out of the lessons folder"), "\(text)")
        #expect(text.contains(exercise), "\(text)")
        let (library, _) = try LessonLibrary.readable(from: root)
        #expect(library.lessons.map(\.number) == [2])
      })
  }

  @Test func anEmptySolutionIsRefused() throws {
    try withLessons(
      changing: { root in
        let names = try FileManager.default.contentsOfDirectory(
          atPath: root + "/02-losses/solutions")
        let first = try #require(names.sorted().first)
        #expect(
          FileManager.default.createFile(
            atPath: root + "/02-losses/solutions/" + first, contents: Data()))
      },
      check: { root in
        let text = try #require(try problem(in: root, "02-losses"))
        #expect(text.contains("the file is empty"), "\(text)")
      })
  }

  @Test(arguments: ["[1, 2]", "\"text\"", "{\"title\": 3}"])
  func aMalformedManifestIsNamedClearly(manifest: String) throws {
    try withLessons(
      changing: { root in
        try Data(manifest.utf8).write(
          to: URL(fileURLWithPath: root + "/01-training-loop/lesson.json"))
      },
      check: { root in
        let text = try #require(try problem(in: root, "01-training-loop"))
        #expect(text.contains("01-training-loop/lesson.json"), "\(text)")
        #expect(!text.contains("``"), "\(text)")
        #expect(!text.contains("Dictionary<"), "\(text)")
      })
  }

  @Test func anExerciseCannotReachOutsideItsFolder() throws {
    let source = "x = load_csv(\"/etc/passwd\")"
    let exercise = Exercise(
      lessonFolder: "01-training-loop", name: "escape", title: "escape", hints: [],
      source: source, checks: "", solution: source, wrongRoutes: [])
    let run = ExerciseRun(
      exercise, source: source, folder: FileManager.default.temporaryDirectory.path,
      origin: "escape.tb")
    #expect(!run.passed)
    #expect(run.failure?.contains("leads outside") == true, "\(run.failure ?? "")")
  }
}
