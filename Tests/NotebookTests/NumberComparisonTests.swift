import Language
import Notebook
import Testing

/// Whether a cell that recorded `recorded` accepts `replayed` under `tolerance`.
func accepts(
  _ recorded: String, _ replayed: String, tolerance: NumberTolerance = .printedPrecision
) -> Bool {
  let cell = CodeCell(
    source: "x", markers: CellMarkers(tolerance: tolerance), outputs: [.text(recorded)])
  let runner = ScriptedRunner(["x": [.text(replayed)]])
  let notebook = Notebook(metadata: NotebookMetadata(), blocks: [.cell(cell)])
  return Replay(notebook, runner: runner).passes
}

@Test func decimalsCompareAtTheirPrintedPrecision() {
  #expect(accepts("loss 0.2312", "loss 0.23118"))
  #expect(accepts("loss 0.2312", "loss 0.23124999"))
  #expect(accepts("loss 0.2312", "loss 0.23115"))
  #expect(!accepts("loss 0.2312", "loss 0.2331"))
  #expect(!accepts("loss 0.2312", "loss 0.23126"))
  #expect(!accepts("loss 0.2312", "loss 0.23"))
  #expect(accepts("acc 93.5%", "acc 93.48%"))
  #expect(accepts("-0.50", "-0.504"))
  #expect(!accepts("-0.50", "0.50"))
}

@Test func integersCompareExactly() {
  #expect(accepts("400 samples", "400 samples"))
  #expect(!accepts("400 samples", "401 samples"))
  #expect(!accepts("epoch 3/10", "epoch 3/11"))
  #expect(accepts("12 items", "12.0 items"))
  #expect(!accepts("12 items", "12.4 items"))
}

@Test func scientificNotationComparesAtItsMantissaPrecision() {
  #expect(accepts("lr 1.5e-3", "lr 1.54e-3"))
  #expect(accepts("lr 1.5e-3", "lr 0.00146"))
  #expect(!accepts("lr 1.5e-3", "lr 1.56e-3"))
  #expect(accepts("grad 2.31E+04", "grad 23105"))
  #expect(!accepts("grad 2.31E+04", "grad 23160"))
  #expect(accepts("huge 1e400", "huge 1e400"))
  #expect(!accepts("huge 1e400", "huge 2e400"))
}

@Test func wordsAndNumbersInsideNamesMustMatchExactly() {
  #expect(!accepts("loss 0.2312", "lose 0.2312"))
  #expect(!accepts("layer x2", "layer x3"))
  #expect(accepts("a   b", "a b"))
  #expect(!accepts("a b", "ab"))
  #expect(!accepts("one line", "one line\nand another"))
}

@Test func toleranceMarkersLoosenAndTighten() {
  #expect(!accepts("0.2312", "0.2400"))
  #expect(accepts("0.2312", "0.2400", tolerance: .absolute(0.01)))
  #expect(!accepts("0.2312", "0.2500", tolerance: .absolute(0.01)))
  #expect(accepts("100", "104", tolerance: .relative(0.05)))
  #expect(!accepts("100", "106", tolerance: .relative(0.05)))
  #expect(!accepts("0.2312", "0.23118", tolerance: .exact))
  #expect(accepts("0.2312", "0.2312", tolerance: .exact))
  #expect(!accepts("0.2312", "0.23120", tolerance: .exact))
}

@Test func timingsAndProgressAreNeverCompared() {
  let cell = CodeCell(
    source: "x", outputs: [.progress("epoch 1 0.5 s"), .text("done"), .timing("1.0 s")])
  let notebook = Notebook(metadata: NotebookMetadata(), blocks: [.cell(cell)])
  let runner = ScriptedRunner(["x": [.text("done"), .timing("9.9 s"), .progress("other")]])
  #expect(Replay(notebook, runner: runner).passes)
  runner.script["x"] = [.text("done!")]
  #expect(!Replay(notebook, runner: runner).passes)
}

@Test func durationsInTextAreNeverCompared() {
  let line = "run 1: 30 epochs, best loss 0.5 at epoch 27, finished in 0.05 s"
  #expect(accepts(line, line.replacingOccurrences(of: "0.05 s", with: "1.3 s"), tolerance: .exact))
  #expect(accepts("lr 0.1  20  0.2548  0.0 s", "lr 0.1  20  0.2548  0.12 s"))
  #expect(accepts("took 12 ms, then 1 min", "took 15 ms, then 2 min"))
  // Only the number right before the unit: the loss and a count of samples still compare.
  #expect(!accepts(line, line.replacingOccurrences(of: "0.5 at", with: "0.6 at")))
  #expect(!accepts("30 samples", "31 samples"))
  #expect(!accepts("finished in 0.05 s", "finished in 0.05 min"))
}

@Test func chartsAndErrorsAreComparedAsTheirText() {
  let cell = CodeCell(source: "x", outputs: [.chart("0.69 ┤╮"), .error("bad")])
  let notebook = Notebook(metadata: NotebookMetadata(), blocks: [.cell(cell)])
  let same = ScriptedRunner(["x": [.chart(terminal: "0.69 ┤╮", svg: "<svg/>"), .error("bad")]])
  #expect(Replay(notebook, runner: same).passes)
  let moved = ScriptedRunner(["x": [.chart(terminal: "0.69 ┤─", svg: ""), .error("bad")]])
  #expect(!Replay(notebook, runner: moved).passes)
  let asText = ScriptedRunner(["x": [.text("0.69 ┤╮"), .error("bad")]])
  #expect(!Replay(notebook, runner: asText).passes)
}
