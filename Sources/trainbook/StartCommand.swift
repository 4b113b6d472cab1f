import ArgumentParser
import Foundation
import Language
import REPL

struct StartCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "repl", abstract: "Start the interactive prompt (the default).")

  func run() throws {
    let session = Session(cancellation: Interrupt.flag)
    session.runs.savesToDisk = true
    ReadEvalPrintLoop.start(
      session: session,
      environment: ProcessInfo.processInfo.environment)
  }
}
