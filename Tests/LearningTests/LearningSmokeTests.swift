import Learning
import Testing

@Test func learningModuleLinks() {
  #expect(String(describing: LearningModule.self) == "LearningModule")
}
