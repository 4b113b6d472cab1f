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

  @Argument(help: "The notebooks (.md, or Jupyter's .ipynb) to replay, each in a fresh session.")
  var notebooks: [String]
  @Flag(help: "Compare each cell's output with the recorded one; exit non-zero on a difference.")
  var check = false
  @Flag(help: "Rewrite the recorded outputs in place (the file is kept if any cell fails).")
  var update = false
  @Option(
    help: ArgumentHelp(
      "Keep the replayed runs in this folder (default: a scratch folder removed afterwards).",
      valueName: "folder"))
  var runs: String?
  @Option(
    help: ArgumentHelp(
      "With --check: judge the outputs recorded in this notebook (.md or .ipynb, e.g. one "
        + "Jupyter executed) instead of running the cells.", valueName: "notebook"))
  var outputsFrom: String?
  @OptionGroup var memory: MemoryOption

  func validate() throws {
    if check && update {
      throw ValidationError("use --check or --update, not both")
    }
    if outputsFrom != nil && !check {
      throw ValidationError("--outputs-from goes with --check")
    }
    if update, let ipynb = notebooks.first(where: { $0.lowercased().hasSuffix(".ipynb") }) {
      throw ValidationError(
        "--update rewrites Markdown notebooks; `trainbook import \(ipynb)` makes one first")
    }
    if notebooks.isEmpty {
      throw ValidationError(
        "name the notebook to replay, e.g. `trainbook replay notebooks/moons.md`")
    }
  }

  func run() throws {
    var failed: [String] = []
    for notebook in notebooks {
      do {
        if try !replay(notebook) { failed.append(notebook) }
      } catch let error as NotebookCommandError {
        print(error)
        failed.append(notebook)
      } catch {
        print("\(notebook): \(error)")
        failed.append(notebook)
      }
    }
    guard failed.isEmpty else {
      if notebooks.count > 1 { print("failed: \(failed.joined(separator: ", "))") }
      throw ExitCode.failure
    }
  }

  /// Replays one notebook as the flags say, keeping its runs in `--runs` or a scratch folder;
  /// false if it does not pass.
  private func replay(_ notebook: String) throws -> Bool {
    guard let runs else { return try SessionRuns.withScratchFolder { try replay(notebook, $0) } }
    return try replay(notebook, URL(fileURLWithPath: runs))
  }

  private func replay(_ notebook: String, _ runsFolder: URL) throws -> Bool {
    let loaded = try loadNotebook(notebook)
    let path = absolutePath(notebook)
    let runner =
      try outputsFrom.map { PlaybackRunner(try loadNotebook($0), source: $0) }
      ?? notebookRunner(for: loaded, at: path, keepingRunsIn: runsFolder)
    let replay = Replay(loaded, runner: runner) { outcome in
      if !check && !update { print(outcome.transcript + "\n") }
    }
    if check {
      print(replay.report(file: notebook))
      return replay.passes
    } else if update {
      guard !replay.changedCells.isEmpty else {
        print("\(notebook): every recorded output is up to date; the file was not changed")
        return true
      }
      let updated = try replay.updatedNotebook()
      try updated.write(to: path)
      let changed = replay.changedCells.map(\.name)
      print("\(notebook): updated the output of \(changed.joined(separator: ", "))")
      return true
    } else if let failed = replay.outcomes.first(where: \.failedToRun) {
      print("\(notebook): \(failed.name) \(failed.failure)")
      return false
    }
    return true
  }
}

/// The notebook at `path`, or a clear error: a missing file, a file that is not a notebook, or a
/// malformed notebook with its line.
func loadNotebook(_ path: String) throws -> Notebook {
  do {
    return try Notebook(contentsOf: path)
  } catch {
    throw NotebookCommandError(error.description)
  }
}

/// `path` made absolute against the current folder, so it survives entering another folder.
func absolutePath(_ path: String) -> String {
  path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
}

/// A fresh language session for replaying `notebook`, started from its recorded seed, with every
/// file its code reads or writes confined to the notebook's folder (relative paths start there),
/// and its runs kept in `runsFolder`.
func notebookRunner(
  for notebook: Notebook, at path: String, keepingRunsIn runsFolder: URL
) throws -> any CellRunner {
  let runner = try SessionRunner(for: notebook, at: path)
  runner.session.runs.keep(in: runsFolder)
  return runner
}

/// A notebook that cannot be read or replayed: the message is printed as is and the command
/// exits with status 1.
struct NotebookCommandError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
