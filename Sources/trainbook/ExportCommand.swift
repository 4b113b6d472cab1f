import ArgumentParser
import Foundation
import Language
import Notebook
import Support

struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Export a notebook to Jupyter (.ipynb) or a self-contained HTML page.",
    discussion: """
      The notebook is replayed to re-draw its charts as SVG (the Markdown keeps only their \
      terminal rendering); charts that come out differently are exported as text.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case ipynb, html
  }

  @Argument(help: "The notebook (.md) to export.") var notebook: String
  @Option(name: .customLong("to"), help: "The format: ipynb or html.") var format: Format
  @Option(
    name: .shortAndLong, help: "Where to write (default: the notebook's name, new extension).")
  var output: String?
  @Flag(help: "Do not replay the notebook; charts are exported as their terminal rendering.")
  var noReplay = false

  func run() throws {
    let loaded = try loadNotebook(notebook)
    let source = absolutePath(notebook)
    let destination = absolutePath(
      output
        ?? URL(fileURLWithPath: source).deletingPathExtension()
        .appendingPathExtension(format.rawValue).path)
    let replay = try SessionRuns.withScratchFolder { runs in
      noReplay
        ? nil
        : Replay(loaded, runner: try notebookRunner(for: loaded, at: source, keepingRunsIn: runs))
    }
    let exported = ExportedNotebook(loaded, replay: replay)
    let text = format == .ipynb ? exported.ipynb() : exported.html()
    try writeAtomically(text.utf8, to: destination)
    print("wrote \(output ?? destination)")
  }
}
