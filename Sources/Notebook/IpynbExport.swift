import Support

extension ExportedNotebook {
  /// The notebook as Jupyter nbformat 4.5 JSON.
  ///
  /// Prose becomes markdown cells and code cells keep their recorded outputs, each as
  /// ``JupyterOutput`` says (charts with their SVG when re-drawn). Cell ids are `text-N` and
  /// `cell-N`; skipped cells have a null `execution_count`. The kernelspec and language_info name
  /// `trainbook`; the notebook's metadata and each cell's markers are kept under `trainbook`
  /// keys, and a cell expected to fail is tagged `raises-exception`, so Jupyter runs on past it.
  public func ipynb() -> String {
    var cells: [JSONValue] = []
    var codeIndex = 0
    var proseIndex = 0
    var executionCount = 0
    for block in notebook.blocks {
      switch block {
      case .prose(let text):
        proseIndex += 1
        cells.append(
          .object([
            ("cell_type", .string("markdown")), ("id", .string("text-\(proseIndex)")),
            ("metadata", .object([])), ("source", .lines(text)),
          ]))
      case .cell(let cell):
        if !cell.markers.skip { executionCount += 1 }
        cells.append(
          .object([
            ("cell_type", .string("code")),
            ("execution_count", cell.markers.skip ? .null : .integer(executionCount)),
            ("id", .string("cell-\(codeIndex + 1)")),
            ("metadata", markerMetadata(cell.markers)),
            ("outputs", .array(cell.outputs.indices.map { jupyterOutput(cell, codeIndex, $0) })),
            ("source", .lines(cell.source)),
          ]))
        codeIndex += 1
      }
    }
    return JSONValue.object([
      ("cells", .array(cells)),
      ("metadata", notebookMetadata()),
      ("nbformat", .integer(4)),
      ("nbformat_minor", .integer(5)),
    ]).text() + "\n"
  }

  private func notebookMetadata() -> JSONValue {
    var trainbook: [(String, JSONValue)] = [("version", .string(notebook.metadata.version))]
    if let saved = notebook.metadata.saved { trainbook.append(("saved", .string(saved))) }
    if let seed = notebook.metadata.seed { trainbook.append(("seed", .string(String(seed)))) }
    return .object([
      (
        "kernelspec",
        .object([
          ("display_name", .string("trainbook")), ("language", .string("trainbook")),
          ("name", .string("trainbook")),
        ])
      ),
      (
        "language_info",
        .object([("name", .string("trainbook")), ("version", .string(notebook.metadata.version))])
      ),
      ("trainbook", .object(trainbook)),
    ])
  }

  private func markerMetadata(_ markers: CellMarkers) -> JSONValue {
    let lines = markers.lines.compactMap(CellMarkers.commentBody)
    var metadata: [(String, JSONValue)] = []
    if markers.expectedError != nil {
      metadata.append(("tags", .array([.string("raises-exception")])))
    }
    if !lines.isEmpty { metadata.append(("trainbook", .array(lines.map(JSONValue.string)))) }
    return .object(metadata)
  }

  private func jupyterOutput(_ cell: CodeCell, _ cellIndex: Int, _ pieceIndex: Int) -> JSONValue {
    JupyterOutput(cell.outputs[pieceIndex], svg: svg(cell: cellIndex, piece: pieceIndex))
      .notebookOutput()
  }
}
