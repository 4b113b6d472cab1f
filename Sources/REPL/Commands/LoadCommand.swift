import Foundation
import Language
import Notebook

extension ColonCommand {
  /// `:load FILE`: runs a notebook's cells, in order, in this session, showing each cell's code
  /// and what it prints, as if typed at the prompt.
  ///
  /// The variables the cells define stay for the cells typed after. While the notebook runs,
  /// the files its code reads and writes are confined to the notebook's folder (relative paths
  /// start there), as in `trainbook replay`. Cells marked `skip` do not run; loading stops at
  /// the first cell that fails unless it is marked to (`expect-error`), and at Ctrl-C.
  public static let load = ColonCommand(
    name: "load", arguments: "FILE", summary: "run a notebook's cells in this session",
    takesFileName: true
  ) { argument, context in
    let console = context.console
    guard let path = notebookPath(argument) else {
      console.error("`:load` needs a notebook's file name, such as `:load notebooks/moons.md`.")
      return
    }
    let notebook: Notebook
    let sandbox: FileSandbox
    do {
      notebook = try Notebook(contentsOf: path)
      sandbox = try FileSandbox(notebookAt: path)
    } catch let error as NotebookError {
      console.error("Could not load \(error)")
      return
    } catch {
      console.error("Could not load \(path): \(error)")
      return
    }
    let (sessionFiles, sessionFolder) = (context.session.resolvePath, context.folder)
    context.session.resolvePath = sandbox.resolve(_:for:)
    context.folder = sandbox.folder
    defer { (context.session.resolvePath, context.folder) = (sessionFiles, sessionFolder) }
    var ran = 0
    for (offset, cell) in notebook.cells.enumerated() where cell.markers.runs {
      console.write(echoed(cell.source, style: console.style))
      let (outputs, interrupted) = context.runCell(
        cell.source, stoppingTrainingAt: cell.markers.stoppingPoint)
      ran += 1
      let failed = outputs.contains { if case .error = $0 { true } else { false } }
      if interrupted || (failed && cell.markers.expectedError == nil) {
        let reason = interrupted ? "Ctrl-C" : "its failure"
        console.error(
          "Stopped at cell \(offset + 1) (\(path), line \(cell.line)) after \(reason); the "
            + "cells after it did not run.")
        return
      }
    }
    console.line("Ran \(ran) cell\(ran == 1 ? "" : "s") from \(path).")
  }
}

/// `source` as the prompt shows a typed cell: its first line after the prompt, the others after
/// the continuation prompt, ending with a newline.
private func echoed(_ source: String, style: Style) -> String {
  source.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
    let prompt =
      $0.offset == 0
      ? ReadEvalPrintLoop.prompt : ReadEvalPrintLoop.continuationPrompt
    return style.prompt(prompt) + $0.element + "\n"
  }.joined()
}
