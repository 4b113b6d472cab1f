import Lessons
import Testing

@Test func lessonsModuleLinks() {
  #expect(String(describing: LessonsModule.self) == "LessonsModule")
}
