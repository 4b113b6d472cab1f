import ArgumentParser
import Foundation
import Language
import Notebook

struct ReplayCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "replay",
    abstract: "Replay a notebook's cells, optionally checking them against the recorded outputs.",
    discussion: """
      Without options, runs every cell and prints what it prints. --check compares each cell's \
      output with the recorded one (numbers at their printed precision, timings and progress \
      never) and exits non-zero on any difference. --update writes the new outputs into the \
      notebook, unless a cell fails.
      """)

  @Argument(help: "The notebook (.md) to replay.") var notebook: String
  @Flag(help: "Compare each cell's output with the recorded one; exit non-zero on a difference.")
  var check = false
  @Flag(help: "Rewrite the recorded outputs in place (the file is kept if any cell fails).")
  var update = false

  func validate() throws {
    if check && update {
      throw ValidationError("use --check or --update, not both")
    }
  }

  func run() throws {
    let loaded = try loadNotebook(notebook)
    let runner = try notebookRunner(for: loaded, at: notebook)
    let replay = Replay(loaded, runner: runner) { outcome in
      if !check && !update { print(outcome.transcript + "\n") }
    }
    if check {
      print(replay.report(file: notebook))
      if !replay.passes { throw ExitCode.failure }
    } else if update {
      let updated = try replay.updatedNotebook()
      try updated.write(to: notebook)
      let changed = replay.failures.map { "cell \($0.number) (line \($0.cell.line))" }
      print(
        changed.isEmpty
          ? "\(notebook): every recorded output was already up to date"
          : "\(notebook): updated the output of \(changed.joined(separator: ", "))")
    }
  }
}

/// The notebook at `path`, or a clear error: a missing file, or a malformed notebook with its
/// line.
func loadNotebook(_ path: String) throws -> Notebook {
  guard FileManager.default.fileExists(atPath: path) else {
    throw ValidationError("no notebook at \(path)")
  }
  do {
    return try Notebook(contentsOf: path)
  } catch let error as NotebookError {
    throw ValidationError(error.description)
  }
}

/// A fresh language session for replaying `notebook`: its files are read and written from the
/// notebook's folder.
func notebookRunner(for notebook: Notebook, at path: String) throws -> any CellRunner {
  _ = try FileSandbox(notebookAt: path)
  throw NotYetBuilt(command: "replay")
}
