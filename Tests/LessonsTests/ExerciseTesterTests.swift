import Foundation
import Lessons
import TestSupport
import Testing

/// `trainbook lesson test`, with and without `--watch`, as the Lessons target runs it.
@Suite struct ExerciseTesterTests {
  @Test func runsReportsRecordsAndRerunsOnlyChangedExercises() throws {
    let library = try LessonLibrary(root: ShippedLessonsTests.root)
    try withTemporaryFolder("trainbook-tester") { url in
      let learner = LearnerExercises(library: library, folder: url.path + "/exercises")
      _ = try learner.copyShipped()
      let exercise = try #require(try learner.exercises(named: "fitting").first)
      let store = ProgressStore(path: url.path + "/home/progress.json")
      let lines = LineCollector()
      var tester = ExerciseTester([exercise], in: learner, progress: store, say: lines.add)
      try tester.runAll()
      #expect(!tester.allPass)
      #expect(lines.text.contains("✗ 03-fitting/01-make-it-overfit.tb fails"))
      #expect(lines.text.contains("Progress: 0/1 exercises pass"))
      #expect(try store.load()["03-fitting"].passedExercises.isEmpty)
      #expect(try tester.rerunChanged() == false)

      try Data(exercise.solution.utf8).write(to: URL(fileURLWithPath: learner.path(of: exercise)))
      #expect(try tester.rerunChanged())
      #expect(tester.allPass)
      #expect(lines.text.contains("✓ 03-fitting/01-make-it-overfit.tb passes"))
      #expect(lines.text.hasSuffix("Progress: 1/1 exercises pass " + LessonCatalog.bar(1, of: 1)))
      #expect(try store.load()["03-fitting"].passedExercises == [exercise.name])
    }
  }

  @Test func aProgressFileThatCannotBeWrittenIsAnError() throws {
    let library = try LessonLibrary(root: ShippedLessonsTests.root)
    try withTemporaryFolder("trainbook-tester") { url in
      let learner = LearnerExercises(library: library, folder: url.path + "/exercises")
      _ = try learner.copyShipped()
      let exercise = try #require(try learner.exercises(named: "fitting").first)
      try Data("not a folder".utf8).write(to: url.appendingPathComponent("home"))
      let store = ProgressStore(path: url.path + "/home/progress.json")
      var tester = ExerciseTester([exercise], in: learner, progress: store, say: { _ in })
      #expect(throws: (any Error).self) { try tester.runAll() }
    }
  }
}

/// Collects the lines a tester says.
private final class LineCollector: @unchecked Sendable {
  private(set) var lines: [String] = []
  func add(_ line: String) { lines.append(line) }
  var text: String { lines.joined(separator: "\n") }
}
