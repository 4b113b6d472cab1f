import ArgumentParser
import Foundation
import Language
import Learning
import Notebook
import Support

struct ExportPyTorchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export-pytorch",
    abstract: "Export a notebook's run as a PyTorch script that trains it the same way.",
    discussion: """
      The notebook is replayed (its runs are kept in a scratch folder), then the run named by \
      --run is written as export_pytorch writes it: train.py, trainbook_order.py, \
      data.safetensors, initial.safetensors and trainbook-history.csv. Run the script with \
      `python train.py`, or on several processes with `torchrun --nproc_per_node 2 train.py`.
      """)

  @Argument(help: "The notebook (.md) that trains the run.") var notebook: String
  @Option(
    name: .customLong("run"),
    help: ArgumentHelp(
      "The run: its name (`fit(…, name: \"…\")`, or `run 2`), or the variable holding it.",
      valueName: "name"))
  var runName: String
  @Option(
    name: .customLong("to"),
    help: ArgumentHelp(
      "The folder to write (default: the run's name and -pytorch).",
      valueName: "folder"))
  var folder: String?

  func run() throws {
    let loaded = try loadNotebook(notebook)
    let source = absolutePath(notebook)
    try SessionRuns.withScratchFolder { runs in
      let runner = try SessionRunner(for: loaded, at: source)
      runner.session.runs.keep(in: runs)
      let replay = Replay(loaded, runner: runner)
      let exported = try chosenRun(in: runner.session, replay: replay)
      guard let experiment = exported.experiment else {
        throw NotebookCommandError(
          "\(notebook): run \"\(exported.record.name)\" continues an earlier fit (resume); "
            + "export the run of the fit it continues")
      }
      let name = folder ?? Self.folderName(for: exported.record.name)
      let notes = try PyTorchExport.write(
        exported.record, from: experiment, to: URL(fileURLWithPath: absolutePath(name)))
      print("wrote \(name)/: " + PyTorchExport.fileNames.joined(separator: ", "))
      print("train it with PyTorch: cd \(name) && python train.py")
      for note in notes { print("note: " + note) }
    }
  }

  /// The run `--run` names: a variable holding a run, or the one run of that name.
  private func chosenRun(in session: Session, replay: Replay) throws -> RunObject {
    if case .host(let object as RunObject)? = session.value(of: runName) { return object }
    let all = session.runs.all
    let named = all.filter { $0.record.name == runName }
    if named.count == 1 { return named[0] }
    var message = "\(notebook): "
    if named.count > 1 {
      message +=
        "\(named.count) runs are named \"\(runName)\"; give the variable that holds the one to "
        + "export, or name them apart with fit(…, name: \"…\")"
    } else if all.isEmpty {
      message += "the notebook trains no run"
    } else {
      message += "no run is named \"\(runName)\""
      let names = all.map(\.record.name)
      if let near = closestName(to: runName, in: names) {
        message += "; did you mean \"\(near)\"?"
      } else {
        message += "; its runs are " + names.map { "\"\($0)\"" }.joined(separator: ", ")
      }
    }
    if let failed = replay.outcomes.first(where: \.failedToRun) {
      message += " (cell \(failed.number), line \(failed.cell.line), \(failed.failure))"
    }
    throw NotebookCommandError(message)
  }

  /// `lr-0.01-pytorch` for the run "lr 0.01": letters, digits, `-`, `_` and `.` kept.
  static func folderName(for run: String) -> String {
    let safe = String(
      run.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? $0 : "-" })
    return (safe.isEmpty || safe.hasPrefix(".") ? "run" : safe) + "-pytorch"
  }
}
