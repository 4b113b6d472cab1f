import Foundation
import Language
import Notebook
import Testing

/// Cells of a session that does real floating-point work in the language.
let gradientDescentCells = [
  "x = 0\nfor step in range(200) {\n  x = x - 0.01 * 2 * (x - 3) + 0.001 * sqrt(abs(x))\n}\nx",
  "losses = []\nfor k in range(1, 6) {\n  losses = losses + [log(k) / k]\n}\nmean(losses)",
  "print(\"x = {x}, loss {(x - 3) * (x - 3)}\")",
  "sqrt(-1)",
]

/// Runs the cells in a fresh session, recording them, and returns the notebook and session.
func recordGradientDescent() -> (Notebook, Session) {
  let recorder = NotebookRecorder(seed: 5)
  let live = SessionRunner(seed: 5)
  let runner = RecordingRunner(live, recorder: recorder)
  for cell in gradientDescentCells { _ = runner.run(cell: cell) }
  return (recorder.notebook(), live.session)
}

@Test func aSavedSessionReplaysBitForBit() throws {
  let (notebook, original) = recordGradientDescent()
  let reread = try Notebook(parsing: notebook.markdown)
  let fresh = SessionRunner(seed: reread.metadata.seed)
  let replay = Replay(reread, runner: fresh)
  #expect(replay.passes, "\(replay.report(file: "session.md"))")
  #expect(reread.cells[3].markers.expectedError?.contains("sqrt") == true)
  for name in ["x", "losses"] {
    let before = original.value(of: name).map { "\(bitPattern($0))" }
    let after = fresh.session.value(of: name).map { "\(bitPattern($0))" }
    #expect(before != nil && before == after, "\(name): \(String(describing: before))")
  }
  #expect(fresh.session.seed == 5)
}

@Test func changingOneRecordedNumberOfARealSessionFailsThatCellOnly() throws {
  let (notebook, _) = recordGradientDescent()
  let markdown = notebook.markdown
  guard case .text(let printed)? = notebook.cells[2].outputs.first,
    let position = printed.lastIndex(where: \.isNumber),
    let digit = printed[position].wholeNumberValue
  else {
    Issue.record("cell 3 printed no number")
    return
  }
  var edited = printed
  edited.replaceSubrange(position...position, with: String((digit + 1) % 10))
  let changed = markdown.replacingOccurrences(of: printed, with: edited)
  #expect(changed != markdown)
  let replay = Replay(try Notebook(parsing: changed), runner: SessionRunner(seed: 5))
  #expect(replay.failures.map(\.number) == [3], "\(replay.report(file: "session.md"))")
}

/// The bits of every number in `value`, so equality means bit-for-bit equality.
func bitPattern(_ value: Value) -> [UInt64] {
  switch value {
  case .number(let number): [number.bitPattern]
  case .list(let items): items.flatMap(bitPattern)
  default: []
  }
}
