import Foundation
import Lessons
import TestSupport
import Testing

/// Grading a learner cannot talk their way around: only the `TODO` lines may change (any other
/// edit is shown as a diff and stops the pass, and no pass is saved), and the checks that judge
/// the answer ship with the lesson.
@Suite struct HonestGradingTests {
  static let shipped = """
    # Fit the line. Change only the line marked TODO.
    data = linear(n: 64, seed: 1)
    for i in range(2) {  # TODO: how many steps?
      latest = step(net, data)
    }
    print("loss", latest)
    """

  @Test func editsOfTheTodoLinesCommentsAndBlankLinesAreAllowed() {
    let edited = """
      # My notes: more steps.
      data = linear(n: 64, seed: 1)

      steps = 60
      for i in range(steps) {   # several lines may stand where a TODO was
        latest = step(net, data)
      }
      print("loss", latest)  # my comment
      """
    #expect(ExerciseEdits(shipped: Self.shipped, edited: edited).report == nil)
  }

  @Test func anAddedLineIsShownWithItsLineNumber() {
    let edited = Self.shipped + "\nlatest = 0.001"
    let edits = ExerciseEdits(shipped: Self.shipped, edited: edited)
    #expect(edits.changes == [.added(line: 7, code: "latest = 0.001")])
    #expect(
      edits.report == """
        only the lines marked TODO may change, but your file differs elsewhere:
          + your line 7: latest = 0.001
          Put those lines back as they were (or delete the file and run `trainbook lesson \
        start` for a fresh copy): the checks judge only the TODOs' answers.
        """)
  }

  @Test func deletedAndChangedLinesAreShown() {
    let edited = """
      for i in range(60) {
        latest = step(net, data)
      }
      print("loss", 0.001)
      """
    #expect(
      ExerciseEdits(shipped: Self.shipped, edited: edited).changes == [
        .removed(line: 2, code: "data = linear(n: 64, seed: 1)"),
        .removed(line: 6, code: "print(\"loss\", latest)"),
        .added(line: 4, code: "print(\"loss\", 0.001)"),
      ])
    #expect(ExerciseEdits(shipped: Self.shipped, edited: "").changes.count == 4)
  }

  @Test func aHashInsideAStringIsCodeNotAComment() {
    let shipped = "print(\"# not a comment\")"
    #expect(ExerciseEdits(shipped: shipped, edited: "print(\"#\")").report != nil)
    #expect(ExerciseEdits(shipped: shipped, edited: shipped + "  # note").report == nil)
  }

  /// The cheats the issue names, tried on the first exercise.
  enum Cheat: CaseIterable {
    case addedLine, emptied, deletedPrint, numberSetInTheTodo

    /// The solution changed by the cheat.
    func apply(to solution: String) -> String {
      switch self {
      case .addedLine: solution + "\nlatest = 0.001"
      case .emptied: ""
      case .deletedPrint:
        solution.replacingOccurrences(of: "print(\"loss after the steps:\", latest)", with: "")
      case .numberSetInTheTodo:
        solution.replacingOccurrences(
          of: "for i in range(60) {", with: "latest = 0.001\nfor i in range(0) {")
      }
    }

    /// What the report shows.
    var shown: String {
      switch self {
      case .addedLine: "+ your line 12: latest = 0.001"
      case .emptied: "- line 3 as shipped"
      case .deletedPrint: "- line 10 as shipped"
      case .numberSetInTheTodo: "the line should fit the data"
      }
    }
  }

  /// Each cheat fails, shows why, and removes a pass from progress.json; the honest solution
  /// passes and is saved.
  @Test(arguments: Cheat.allCases)
  func cheatsFailAndAreNotSavedAsPasses(cheat: Cheat) throws {
    let library = try LessonLibrary(root: ShippedLessonsTests.root)
    try withTemporaryFolder("trainbook-cheat") { url in
      let learner = LearnerExercises(library: library, folder: url.path + "/exercises")
      let store = ProgressStore(environment: ["TRAINBOOK_HOME": url.path + "/home"])
      _ = try learner.copyShipped()
      let exercise = try #require(try learner.exercises(named: "01-step-by-step").first)
      let file = URL(fileURLWithPath: learner.path(of: exercise))
      nonisolated(unsafe) var said: [String] = []
      func test() throws -> Bool {
        said = []
        var tester = ExerciseTester([exercise], in: learner, progress: store) { said.append($0) }
        try tester.runAll()
        return tester.allPass
      }
      try Data(exercise.solution.utf8).write(to: file)
      #expect(try test())
      #expect(try store.load()[exercise.lessonFolder].passedExercises == [exercise.name])
      try Data(cheat.apply(to: exercise.solution).utf8).write(to: file)
      #expect(try !test())
      let report = said.joined(separator: "\n")
      #expect(report.contains(cheat.shown), "\(report)")
      #expect(try store.load()[exercise.lessonFolder].passedExercises.isEmpty)
    }
  }
}
