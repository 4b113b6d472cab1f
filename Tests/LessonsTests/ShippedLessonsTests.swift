import Foundation
import Lessons
import TestSupport
import Testing

/// The shipped lessons, checked as `trainbook lesson verify` checks them: every lesson parses,
/// every step's code passes its check, every solution passes, every exercise fails as shipped,
/// and every known wrong route (of a step or an exercise) fails: the cheat suite.
@Suite struct ShippedLessonsTests {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("lessons").path

  @Test func everyShippedLessonVerifies() throws {
    let verifier = LessonVerifier(root: Self.root)
    for finding in verifier.findings {
      if let problem = finding.problem { Issue.record("\(finding.subject): \(problem)") }
    }
    let library = try LessonLibrary(root: Self.root)
    #expect(library.lessons.map(\.number) == Array(0..<library.lessons.count))
    #expect(library.lessons.count >= 14)
    #expect(library.lessons.map(\.exercises.count).reduce(0, +) >= 40)
    // At least half the steps say what to achieve and let the learner write the code: a hidden
    // solution, a check, and no question (a question is answered, not written).
    let steps = library.lessons.flatMap(\.text.steps)
    let written = steps.filter { $0.solution != nil && $0.check != nil && $0.question == nil }
    #expect(2 * written.count >= steps.count, "\(written.count) of \(steps.count) steps")
    #expect(library.lessons.allSatisfy { $0.exercises.count >= 2 })
    // One finding for each lesson's steps, for each of their wrong routes and for each step that
    // asks to choose an answer (every choice tried); four for each
    // exercise (as shipped, solved, emptied, a line deleted) and one for each wrong route.
    let exercises = library.lessons.flatMap(\.exercises)
    let stepRoutes = library.lessons.flatMap(\.text.steps).map(\.wrongRoutes.count)
    let exerciseRoutes = exercises.map(\.wrongRoutes.count)
    let choiceSteps = library.lessons.flatMap(\.text.steps).filter {
      if case .choice? = $0.question { true } else { false }
    }
    #expect(
      verifier.findings.count
        == library.lessons.count + stepRoutes.reduce(0, +) + choiceSteps.count
        + 4 * exercises.count
        + exerciseRoutes.reduce(0, +))
    // Every exercise has a known wrong route to refuse.
    #expect(exercises.allSatisfy { !$0.wrongRoutes.isEmpty })
  }

  @Test func aSolvedFolderPassesAndAShippedFolderFails() throws {
    let library = try LessonLibrary(root: Self.root)
    try withTemporaryFolder("trainbook-learner") { url in
      let folder = url.path
      let learner = LearnerExercises(library: library, folder: folder)
      #expect(try learner.copyShipped().count == library.lessons.flatMap(\.exercises).count)
      #expect(try learner.copyShipped().isEmpty)  // never overwrites
      let exercise = try #require(try learner.exercises(named: "fitting").first)
      let shipped = try #require(learner.run(exercise))
      #expect(!shipped.passed)
      let report = LearnerExercises.report(shipped, of: exercise)
      #expect(report.hasPrefix("✗ 03-fitting/01-make-it-overfit.tb fails"))
      #expect(report.contains("expect failed"))
      #expect(report.contains("Hint: " + exercise.hints[0]))
      try Data(exercise.solution.utf8).write(to: URL(fileURLWithPath: learner.path(of: exercise)))
      let solved = try #require(learner.run(exercise))
      #expect(solved.passed)
      let passed = LearnerExercises.report(solved, of: exercise)
      #expect(passed.hasPrefix("✓ 03-fitting/01-make-it-overfit.tb passes"))
    }
  }
}
