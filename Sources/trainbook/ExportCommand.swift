import ArgumentParser

struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Export a notebook to Jupyter (.ipynb) or a self-contained HTML page.")

  @Argument(help: "The notebook (.md) to export.") var notebook: String

  func run() throws { throw NotYetBuilt(command: "export") }
}
