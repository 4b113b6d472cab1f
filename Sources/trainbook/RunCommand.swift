import ArgumentParser

struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run a trainbook script without a prompt; exit non-zero on an error or failed expect.")

  @Argument(help: "The script to run.") var file: String

  func run() throws { throw NotYetBuilt(command: "run") }
}
