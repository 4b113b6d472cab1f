import ArgumentParser
import Foundation
import Language
import REPL

struct StartCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "repl", abstract: "Start the interactive prompt (the default).")

  @OptionGroup var memory: MemoryOption

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    let session = Session(cancellation: Interrupt.flag)
    session.runs.keep(in: URL(fileURLWithPath: "runs"))
    session.usesColor =
      Style.detect(isTerminal: isatty(STDOUT_FILENO) != 0, environment: environment).usesColor
    ReadEvalPrintLoop.start(session: session, commands: .guided, environment: environment)
  }
}
