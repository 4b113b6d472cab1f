import ArgumentParser
import Foundation
import Language

struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run a trainbook script without a prompt; exit non-zero on an error or failed expect.")

  @Argument(help: "The script to run.") var file: String

  func run() throws {
    let source: String
    do {
      source = try String(contentsOfFile: file, encoding: .utf8)
    } catch {
      throw ValidationError("cannot read the script `\(file)`: \(error.localizedDescription)")
    }
    let session = Session()
    var failed = false
    session.onOutput = { piece in
      switch piece {
      case .text(let text), .progress(let text), .timing(let text):
        print(text)
      case .chart(let terminal, _):
        print(terminal)
      case .error(let message):
        failed = true
        FileHandle.standardError.write(Data((message + "\n").utf8))
      }
    }
    _ = session.run(source, origin: (file as NSString).lastPathComponent)
    if failed { throw ExitCode.failure }
  }
}
