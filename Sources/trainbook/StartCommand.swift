import ArgumentParser
import REPL

struct StartCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "repl", abstract: "Start the interactive prompt (the default).")

  func run() throws { REPLModule.start() }
}
