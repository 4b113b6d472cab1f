import ArgumentParser
import Foundation
import Notebook

struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Turn a Jupyter notebook (.ipynb) of trainbook cells into a Markdown notebook.",
    discussion: """
      Markdown cells become prose; code cells keep their outputs as the recording and their \
      markers from the cell metadata that `export --to ipynb` writes. A cell that failed gets \
      an expect-error marker, as :save gives one. `replay --check` also reads an .ipynb \
      directly, the same way.
      """)

  @Argument(help: "The Jupyter notebook to read.") var notebook: String
  @Option(
    name: .shortAndLong,
    help: "Where to write (default: the notebook's name with .md; an existing file is kept).")
  var output: String?

  func validate() throws {
    guard notebook.lowercased().hasSuffix(".ipynb") else {
      throw ValidationError("`import` reads Jupyter notebooks (.ipynb); got \(notebook)")
    }
  }

  func run() throws {
    let loaded = try loadNotebook(notebook)
    let destination =
      output
      ?? URL(fileURLWithPath: notebook).deletingPathExtension().appendingPathExtension("md")
      .relativePath
    if output == nil, FileManager.default.fileExists(atPath: destination) {
      throw NotebookCommandError(
        "\(destination) already exists; name the file to write with -o (the same name replaces "
          + "it)")
    }
    try loaded.write(to: absolutePath(destination))
    print("wrote \(destination)")
  }
}
