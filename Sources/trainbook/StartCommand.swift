import ArgumentParser
import Foundation
import Language
import REPL

struct StartCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "repl", abstract: "Start the interactive prompt (the default).")

  func run() throws {
    ReadEvalPrintLoop.start(
      session: Session(cancellation: Interrupt.flag),
      environment: ProcessInfo.processInfo.environment)
  }
}
