import Foundation
import Language
import Notebook
import Testing

@Test func exportThenImportGivesBackTheSameNotebook() throws {
  let exported = sampleExport()
  let back = try Notebook(ipynb: Array(exported.ipynb().utf8))
  #expect(back == exported.notebook)
  #expect(back.markdown == exported.notebook.markdown)
}

@Test func everyShippedNotebookRoundTripsThroughIpynb() throws {
  for path in try shippedNotebooks() {
    let notebook = try Notebook(contentsOf: path)
    let back = try Notebook(ipynb: Array(ExportedNotebook(notebook).ipynb().utf8))
    #expect(back.markdown == notebook.markdown, "\(path)")
  }
}

@Test func outputsAsTheKernelSendsThemReadBackAsTheirPieces() throws {
  // Two streams merged by Jupyter, the cell's value, a chart, a timing and an error.
  let text = """
    {"nbformat": 4, "nbformat_minor": 5, "metadata": {"language_info": {"name": "trainbook"}},
     "cells": [
      {"cell_type": "markdown", "id": "a", "metadata": {}, "source": ["# Title\\n", "\\n"]},
      {"cell_type": "code", "id": "b", "metadata": {}, "execution_count": 1,
       "source": "x = 2\\nx", "outputs": [
        {"output_type": "stream", "name": "stdout", "text": ["x: 2\\n", "y: 3\\n"]},
        {"output_type": "execute_result", "execution_count": 1, "metadata": {},
         "data": {"text/plain": "2"}},
        {"output_type": "display_data", "metadata": {},
         "data": {"image/svg+xml": "<svg/>", "text/plain": ["chart\\n", "text"]}},
        {"output_type": "display_data", "metadata": {"trainbook": {"kind": "timing"}},
         "data": {"text/plain": "trained 3 epochs in 0 s"}},
        {"output_type": "error", "ename": "TrainbookError", "evalue": "line 1",
         "traceback": ["line 1, column 1: unknown name `z`", "  z", "  ^"]}]},
      {"cell_type": "code", "id": "c", "metadata": {}, "execution_count": null,
       "source": "", "outputs": []}
     ]}
    """
  let notebook = try Notebook(ipynb: Array(text.utf8))
  #expect(notebook.blocks.count == 2)
  #expect(notebook.blocks.first == .prose("# Title"))
  #expect(
    notebook.cells.first?.outputs == [
      .text("x: 2\ny: 3\n2"), .chart("chart\ntext"), .timing("trained 3 epochs in 0 s"),
      .error("line 1, column 1: unknown name `z`\n  z\n  ^"),
    ])
  #expect(notebook.cells.first?.markers.expectedError == "line 1, column 1: unknown name `z`")
}

@Test func brokenJupyterNotebooksAreRefusedWithTheirCell() throws {
  let cases: [(String, String)] = [
    ("{", "this is not valid JSON, so not a Jupyter notebook (.ipynb)"),
    ("{\"cells\": []}", "this JSON has no `nbformat` number: not a Jupyter notebook"),
    ("{\"nbformat\": 3, \"cells\": []}", "nbformat 3 is not read; trainbook reads nbformat 4"),
    (
      "{\"nbformat\": 4, \"metadata\": {\"language_info\": {\"name\": \"python\"}}, \"cells\": []}",
      "this is a python notebook; trainbook reads notebooks of its own language"
    ),
    ("{\"nbformat\": 4, \"cells\": []}", "the notebook has no code cell with trainbook code"),
    (
      "{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\", \"source\": \"x\", "
        + "\"outputs\": [{\"output_type\": \"picture\"}]}]}",
      "cell 1: unknown output_type `picture` (stream, execute_result, display_data or error)"
    ),
    (
      "{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\", \"source\": 5}]}",
      "cell 1: `source` is a number, not text"
    ),
    (
      "{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\", \"source\": \"x\", "
        + "\"metadata\": {\"trainbook\": [\"sometimes\"]}}]}",
      "cell 1: its marker `sometimes`: unknown marker `sometimes` above a cell; known markers: "
        + "skip, ignore-output, expect-error, tolerance, interrupted"
    ),
  ]
  for (text, message) in cases {
    #expect(throws: NotebookError(line: 0, message), "\(text)") {
      try Notebook(ipynb: Array(text.utf8))
    }
  }
}

@Test func playbackJudgesAnotherRunsOutputsByReplaysRules() throws {
  let notebook = recordSampleSession()
  // The same outputs pass; so do other timings and durations; other numbers do not.
  let same = Replay(notebook, runner: PlaybackRunner(notebook, source: "same.md"))
  #expect(same.passes)
  var cells = notebook.cells
  cells[1].outputs = cells[1].outputs.map { piece in
    if case .text(let text) = piece {
      return .text(text.replacingOccurrences(of: "0.4210", with: "0.4311"))
    }
    return piece
  }
  let changed = notebook.replacingCells(with: cells)
  let replay = Replay(notebook, runner: PlaybackRunner(changed, source: "changed.md"))
  #expect(replay.failures.map(\.number) == [2])
  var missing = notebook
  missing.blocks.removeLast()
  let short = Replay(notebook, runner: PlaybackRunner(missing, source: "short.md"))
  #expect(!short.passes)
}
