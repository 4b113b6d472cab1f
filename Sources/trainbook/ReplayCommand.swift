import ArgumentParser

struct ReplayCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "replay",
    abstract: "Replay a notebook's cells, optionally checking them against the recorded outputs.")

  @Argument(help: "The notebook (.md) to replay.") var notebook: String

  func run() throws { throw NotYetBuilt(command: "replay") }
}
