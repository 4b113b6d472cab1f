import Language

/// A notebook ready to export: its recorded cells, and each chart's SVG when a replay re-drew it.
///
/// The Markdown keeps only a chart's terminal rendering. Replay is deterministic, so exporting
/// replays the notebook and takes the SVG of each chart whose terminal rendering came out the
/// same as recorded; a chart without one is exported as its terminal rendering.
public struct ExportedNotebook {
  /// The notebook as recorded.
  public let notebook: Notebook
  /// For each code cell, the SVG of each of its recorded pieces that is a re-drawn chart.
  let svgs: [[Int: String]]

  /// Prepares `notebook` for export, with the charts of `replay` (of the same notebook) if given.
  public init(_ notebook: Notebook, replay: Replay? = nil) {
    self.notebook = notebook
    let cells = notebook.cells
    svgs = cells.indices.map { index in
      guard let outputs = replay?.outcomes[safe: index]?.outputs else { return [:] }
      return matchingSVGs(recorded: cells[index].outputs, replayed: outputs)
    }
  }

  /// The SVG for piece `piece` of code cell `cell` (both 0-based), if one was re-drawn.
  func svg(cell: Int, piece: Int) -> String? {
    svgs[safe: cell]?[piece]
  }
}

/// Pairs the n-th recorded chart with the n-th replayed chart when their terminal renderings
/// agree, keyed by the recorded piece's index.
private func matchingSVGs(recorded: [RecordedPiece], replayed: [OutputPiece]) -> [Int: String] {
  let recordedCharts = recorded.indices.filter {
    if case .chart = recorded[$0] { true } else { false }
  }
  let replayedCharts = replayed.filter { if case .chart = $0 { true } else { false } }
  var result: [Int: String] = [:]
  for (index, drawn) in zip(recordedCharts, replayedCharts)
  where RecordedPiece(drawn) == recorded[index] {
    if case .chart(_, let svg) = drawn, !svg.isEmpty { result[index] = svg }
  }
  return result
}
