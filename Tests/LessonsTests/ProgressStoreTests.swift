import Foundation
import Lessons
import Testing

@Suite struct ProgressStoreTests {
  static func temporaryFolder() -> String {
    FileManager.default.temporaryDirectory
      .appendingPathComponent("trainbook-progress-\(UUID().uuidString)").path
  }

  @Test func progressSurvivesASaveAndALoad() throws {
    let folder = Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let store = ProgressStore(environment: ["TRAINBOOK_HOME": folder + "/home"])
    #expect(store.path == folder + "/home/progress.json")
    #expect(try store.load() == LearnerProgress())
    try store.update { progress in
      progress.currentLesson = "03-fitting"
      progress["03-fitting"].currentStep = 4
      progress["03-fitting"].passedSteps = [1, 2, 3]
      progress["05-learning-rate"].passedExercises = ["01-reach-the-target"]
    }
    let reloaded = try ProgressStore(path: store.path).load()
    #expect(reloaded.currentLesson == "03-fitting")
    #expect(reloaded["03-fitting"].currentStep == 4)
    #expect(reloaded["03-fitting"].passedSteps == [1, 2, 3])
    #expect(reloaded["05-learning-rate"].passedExercises == ["01-reach-the-target"])
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder + "/home")
    #expect(leftovers == ["progress.json"])
  }

  @Test func aDamagedFileIsReportedNotReplaced() throws {
    let folder = Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let path = folder + "/progress.json"
    try Data("{not json".utf8).write(to: URL(fileURLWithPath: path))
    #expect(throws: LessonError.self) { try ProgressStore(path: path).load() }
    #expect(FileManager.default.contents(atPath: path) == Data("{not json".utf8))
  }

  @Test func homeIsTheDefault() {
    let store = ProgressStore(environment: ["HOME": "/home/learner"])
    #expect(store.path == "/home/learner/.trainbook/progress.json")
  }
}
