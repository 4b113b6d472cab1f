import ArgumentParser

struct LessonCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lesson", abstract: "List the lessons, or run a lesson's exercises as tests.")

  func run() throws { throw NotYetBuilt(command: "lesson") }
}
