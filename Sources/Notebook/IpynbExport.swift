import Support

extension ExportedNotebook {
  /// The notebook as Jupyter nbformat 4.5 JSON.
  ///
  /// Prose becomes markdown cells and code cells keep their recorded outputs: text and timings
  /// as `stream` (stdout), progress as `stream` (stderr), charts as `display_data` with
  /// `image/svg+xml` (when re-drawn) and the terminal rendering as `text/plain`, errors as
  /// `error` outputs. Cell ids are `text-N` and `cell-N`; skipped cells have a null
  /// `execution_count`. The kernelspec and language_info name `trainbook`; the notebook's
  /// metadata and each cell's markers are kept under `trainbook` keys.
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
    return lines.isEmpty
      ? .object([]) : .object([("trainbook", .array(lines.map(JSONValue.string)))])
  }

  private func jupyterOutput(_ cell: CodeCell, _ cellIndex: Int, _ pieceIndex: Int) -> JSONValue {
    let piece = cell.outputs[pieceIndex]
    switch piece {
    case .text(let text), .timing(let text):
      return stream("stdout", text)
    case .progress(let text):
      return stream("stderr", text)
    case .chart(let terminal):
      var data: [(String, JSONValue)] = []
      if let svg = svg(cell: cellIndex, piece: pieceIndex) {
        data.append(("image/svg+xml", .lines(svg)))
      }
      data.append(("text/plain", .lines(terminal)))
      return .object([
        ("data", .object(data)), ("metadata", .object([])),
        ("output_type", .string("display_data")),
      ])
    case .error(let message):
      return .object([
        ("ename", .string("TrainbookError")), ("evalue", .string(markerText(message))),
        ("output_type", .string("error")),
        ("traceback", .array(message.split(separator: "\n").map { .string(String($0)) })),
      ])
    }
  }

  private func stream(_ name: String, _ text: String) -> JSONValue {
    .object([
      ("name", .string(name)), ("output_type", .string("stream")), ("text", .lines(text + "\n")),
    ])
  }
}
