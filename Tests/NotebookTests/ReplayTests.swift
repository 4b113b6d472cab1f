import Foundation
import Language
import Notebook
import TestSupport
import Testing

/// Records the sample session through a scripted runner and returns the saved notebook.
func recordSampleSession(seed: UInt64? = 1) -> Notebook {
  let recorder = NotebookRecorder(seed: seed)
  let runner = RecordingRunner(ScriptedRunner(sampleScript), recorder: recorder)
  for cell in sampleCells { _ = runner.run(cell: cell) }
  return recorder.notebook()
}

@Test func recordingKeepsEveryCellAndMarksFailures() {
  let notebook = recordSampleSession()
  #expect(notebook.cells.map(\.source) == sampleCells)
  #expect(notebook.metadata.seed == 1)
  #expect(notebook.cells[2].outputs == [.chart("loss\n0.69 ┤╮\n0.42 ┤╰──\n     └───\n      1  3")])
  #expect(
    notebook.cells[3].markers.expectedError
      == "line 1, column 16: `fit` has no argument `epoch`; did you mean `epochs`?")
  #expect(notebook.cells[0].markers == CellMarkers())
}

@Test func recordingDropsTerminalColours() {
  #expect(RecordedPiece(.text("\u{1B}[31mred\u{1B}[0m text\n")) == .text("red text"))
}

@Test func savedSessionReplaysAndChecksClean() throws {
  try withTemporaryFolder("notebook-tests") { url in
    let folder = url.path
    let path = folder + "/session.md"
    try recordSampleSession().write(to: path)
    let notebook = try Notebook(contentsOf: path)
    let runner = ScriptedRunner(sampleScript)
    let replay = Replay(notebook, runner: runner)
    #expect(runner.ran == sampleCells)
    #expect(replay.passes, "\(replay.report(file: "session.md"))")
    #expect(replay.outcomes.map(\.verdict) == [.matched, .matched, .matched, .matched])
    #expect(
      replay.report(file: "session.md")
        .hasSuffix("all 4 checked cells match their recorded output"))
  }
}

@Test func changingOneRecordedNumberFailsExactlyThatCell() throws {
  let markdown = recordSampleSession().markdown
  let edited = markdown.replacingOccurrences(
    of: "loss 0.4210, accuracy", with: "loss 0.4211, accuracy")
  #expect(edited != markdown)
  let notebook = try Notebook(parsing: edited)
  let replay = Replay(notebook, runner: ScriptedRunner(sampleScript))
  #expect(replay.failures.map(\.number) == [2])
  let report = replay.report(file: "session.md")
  let line = notebook.cells[1].line
  #expect(report.contains("session.md:\(line): cell 2: output differs"))
  #expect(report.contains("    - best epoch 3: loss 0.4211, accuracy 81.25%"))
  #expect(report.contains("    + best epoch 3: loss 0.4210, accuracy 81.25%"))
  #expect(report.hasSuffix("1 of 4 checked cells differ from their recorded output"))
}

@Test func skipMarkerKeepsTheCellFromRunning() {
  let cell = CodeCell(source: "slow()", markers: CellMarkers(skip: true), outputs: [.text("1")])
  let notebook = Notebook(metadata: NotebookMetadata(), blocks: [.cell(cell)])
  let runner = ScriptedRunner([:])
  let replay = Replay(notebook, runner: runner)
  #expect(runner.ran.isEmpty)
  #expect(replay.outcomes.map(\.verdict) == [.skipped])
  #expect(replay.passes)
}

@Test func ignoreOutputMarkerRunsButDoesNotCompare() {
  let cell = CodeCell(source: "x", markers: CellMarkers(ignoreOutput: true), outputs: [.text("1")])
  let notebook = Notebook(metadata: NotebookMetadata(), blocks: [.cell(cell)])
  let runner = ScriptedRunner(["x": [.text("2")]])
  let replay = Replay(notebook, runner: runner)
  #expect(runner.ran == ["x"])
  #expect(replay.outcomes.map(\.verdict) == [.ignored])
}

@Test func expectErrorMarkerNeedsTheMarkedFailure() {
  func verdict(expecting expected: String, got outputs: [OutputPiece]) -> CellVerdict {
    let cell = CodeCell(
      source: "x", markers: CellMarkers(expectedError: expected),
      outputs: [.error("no such name `y`")])
    let notebook = Notebook(metadata: NotebookMetadata(), blocks: [.cell(cell)])
    return Replay(notebook, runner: ScriptedRunner(["x": outputs])).outcomes[0].verdict
  }
  #expect(verdict(expecting: "no such name", got: [.error("no such name `y`")]) == .matched)
  #expect(verdict(expecting: "", got: [.error("no such name `y`")]) == .matched)
  #expect(
    verdict(expecting: "no such name", got: [.text("1")]) == .missingError(expected: "no such name")
  )
  #expect(
    verdict(expecting: "no such name", got: [.error("division by zero")])
      == .wrongError(expected: "no such name", actual: "division by zero"))
}

@Test func anUnmarkedFailureShowsInTheDiff() {
  let cell = CodeCell(source: "x", outputs: [.text("1")])
  let notebook = Notebook(metadata: NotebookMetadata(), blocks: [.cell(cell)])
  let replay = Replay(notebook, runner: ScriptedRunner(["x": [.error("boom")]]))
  #expect(
    replay.outcomes[0].verdict == .differs([.removed("1"), .added("[error]"), .added("boom")]))
}

@Test func updateRewritesOutputsAndKeepsSkippedOnes() throws {
  var notebook = recordSampleSession()
  var cells = notebook.cells
  cells[0].markers.skip = true
  cells[0].outputs = [.text("kept as recorded")]
  cells[1].outputs = [.text("stale")]
  notebook = notebook.replacingCells(with: cells)
  let updated = try Replay(notebook, runner: ScriptedRunner(sampleScript)).updatedNotebook()
  #expect(updated.cells[0].outputs == [.text("kept as recorded")])
  #expect(updated.cells[1].outputs == recordSampleSession().cells[1].outputs)
  #expect(Replay(updated, runner: ScriptedRunner(sampleScript)).passes)
}

@Test func aFailedRunIsNeverWrittenBack() throws {
  try withTemporaryFolder("notebook-tests") { url in
    let folder = url.path
    let path = folder + "/session.md"
    let notebook = recordSampleSession()
    try notebook.write(to: path)
    let before = try String(contentsOfFile: path, encoding: .utf8)
    var broken = sampleScript
    broken["plot(run)"] = [.error("line 1, column 6: no such name `run`")]
    let replay = Replay(try Notebook(contentsOf: path), runner: ScriptedRunner(broken))
    #expect(throws: ReplayFailed.self) { try replay.updatedNotebook().write(to: path) }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == before)
    var unfailing = sampleScript
    unfailing["fit(net, data, epoch: 3)"] = [.text("ran")]
    let missing = Replay(try Notebook(contentsOf: path), runner: ScriptedRunner(unfailing))
    #expect(throws: ReplayFailed.self) { try missing.updatedNotebook() }
  }
}

@Test func consecutivePrintsAreOneBlockAndProgressKeepsItsLastLine() {
  let outputs: [OutputPiece] = [
    .text("a"), .text("b"), .progress("1"), .progress("2"), .text("c"),
    .chart(terminal: "t", svg: ""),
    .text("d"),
  ]
  #expect(
    recorded(outputs) == [.text("a\nb"), .progress("2"), .text("c"), .chart("t"), .text("d")])
}

@Test func progressLinesThatStayAreRecordedWithTheLastLineThatDidNot() {
  let outputs: [OutputPiece] = [
    .progress("run 1\n"), .progress("epoch 1\n"), .progress("epoch 2"), .progress("epoch 3"),
    .progress("epoch 4\n"), .progress("epoch 5"), .text("done"), .progress("epoch 6"),
  ]
  #expect(
    recorded(outputs) == [
      .progress("run 1\nepoch 1\nepoch 4\nepoch 5"), .text("done"), .progress("epoch 6"),
    ])
}
