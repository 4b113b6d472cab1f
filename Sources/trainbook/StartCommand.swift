import ArgumentParser
import Foundation
import Language
import REPL

struct StartCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "repl", abstract: "Start the interactive prompt (the default).")

  func run() throws {
    ReadEvalPrintLoop.start(
      session: LanguageNotBuilt(), environment: ProcessInfo.processInfo.environment)
  }
}

/// Stands in for the language session until it is merged: every cell says so.
private final class LanguageNotBuilt: InteractiveSession {
  var onOutput: ((OutputPiece) -> Void)?
  var onProgress: ((ProgressEvent) -> Void)?
  var definedNames: [(name: String, summary: String)] { [] }

  func run(cell source: String) -> [OutputPiece] {
    let piece = OutputPiece.error("the language is not built yet")
    onOutput?(piece)
    return [piece]
  }
  func isComplete(_ source: String) -> Bool { true }
  func isInsideString(_ text: String) -> Bool { text.filter { $0 == "\"" }.count % 2 == 1 }
  func completions(for text: String) -> [String] { [] }
  func reset() {}
}
