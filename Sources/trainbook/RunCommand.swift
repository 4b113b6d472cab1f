import ArgumentParser
import Foundation
import Language

struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run a trainbook script without a prompt; exit non-zero on an error or failed expect."
  )

  @Argument(help: "The script to run.") var file: String
  @OptionGroup var memory: MemoryOption

  /// A script that cannot be read; printed as `Error: …` with exit status 1.
  struct UnreadableScript: Error, CustomStringConvertible {
    let description: String
  }

  /// Runs the script as one cell of a fresh session: printed output and echoes go to stdout as
  /// they happen, diagnostics (named by the file) to stderr. Its runs are kept in `runs/` in the
  /// working folder, as at the prompt.
  func run() throws {
    guard FileManager.default.fileExists(atPath: file) else {
      throw UnreadableScript(description: "there is no file `\(file)`")
    }
    guard let source = try? String(contentsOfFile: file, encoding: .utf8) else {
      throw UnreadableScript(description: "cannot read `\(file)` as UTF-8 text")
    }
    let session = Session()
    session.runs.keep(in: URL(fileURLWithPath: "runs"))
    var failed = false
    var progress = SettledProgress()
    let write = { (text: String) in FileHandle.standardOutput.write(Data((text + "\n").utf8)) }
    // Both streams unbuffered, so output and diagnostics interleave in order when merged.
    session.onOutput = { piece in
      if case .progress(let text) = piece {
        if let line = progress.add(text) { write(line) }
        return
      }
      if let line = progress.settle() { write(line) }
      switch piece {
      case .text(let text), .progress(let text), .timing(let text), .chart(let text, _):
        write(text)
      case .error(let message):
        failed = true
        FileHandle.standardError.write(Data((message + "\n").utf8))
      }
    }
    _ = session.run(source, origin: URL(fileURLWithPath: file).lastPathComponent)
    if let line = progress.settle() { write(line) }
    if failed { throw ExitCode.failure }
  }
}
