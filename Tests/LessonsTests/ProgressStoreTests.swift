import Foundation
import Lessons
import TestSupport
import Testing

@Suite struct ProgressStoreTests {
  @Test func progressSurvivesASaveAndALoad() throws {
    try withTemporaryFolder("trainbook-progress") { url in
      let folder = url.path
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
  }

  @Test func aDamagedFileIsReportedNotReplaced() throws {
    try withTemporaryFolder("trainbook-progress") { url in
      let folder = url.path
      let path = folder + "/progress.json"
      try Data("{not json".utf8).write(to: URL(fileURLWithPath: path))
      #expect(throws: LessonError.self) { try ProgressStore(path: path).load() }
      #expect(FileManager.default.contents(atPath: path) == Data("{not json".utf8))
    }
  }

  @Test func homeIsTheDefault() {
    let store = ProgressStore(environment: ["HOME": "/home/learner"])
    #expect(store.path == "/home/learner/.trainbook/progress.json")
  }
}
