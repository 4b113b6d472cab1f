import ArgumentParser
import Foundation
import Language
import Notebook
import REPL

struct StartCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "repl", abstract: "Start the interactive prompt (the default).")

  @OptionGroup var memory: MemoryOption

  @Option(
    help: ArgumentHelp(
      "The folder the session reads and writes files in (the default is the current folder): "
        + "relative paths start there, paths outside it are refused, and a notebook saved there "
        + "replays them.", valueName: "folder"))
  var folder: String?

  /// A `--folder` that does not exist; printed as `Error: …` with exit status 1.
  struct MissingFolder: Error, CustomStringConvertible {
    let description: String
  }

  func run() throws {
    if let folder, !FileManager.default.changeCurrentDirectoryPath(folder) {
      throw MissingFolder(description: "there is no folder \(folder)")
    }
    let files = try FileSandbox(folder: FileManager.default.currentDirectoryPath)
    let environment = ProcessInfo.processInfo.environment
    let session = Session(cancellation: Interrupt.flag)
    session.runs.keep(in: URL(fileURLWithPath: "runs"))
    session.usesColor =
      Style.detect(isTerminal: isatty(STDOUT_FILENO) != 0, environment: environment).usesColor
    ReadEvalPrintLoop.start(
      session: session, commands: .guided, environment: environment, files: files)
  }
}
