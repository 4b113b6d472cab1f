import Language
import Notebook
import Testing

/// Cells whose charts a colour terminal draws differently: several runs on one chart, a decision
/// boundary, a regression plot and a confusion matrix.
let chartCells = [
  "data = moons(n: 120, noise: 0.2, seed: 1)",
  "net = mlp(inputs: 2, hidden: [8], seed: 1)",
  "a = fit(net, data, epochs: 3, seed: 1, name: \"a\")",
  "b = fit(mlp(inputs: 2, hidden: [4], seed: 2), data, epochs: 3, seed: 1, name: \"b\")",
  "plot([a, b])",
  "plot(net, data)",
  "confusion(net, data)",
  "line = polynomial(n: 40, coefficients: [0.5, 2], seed: 3)",
  "fitter = mlp(inputs: 1, outputs: 1, hidden: [4], seed: 1)",
  "r = fit(fitter, line, loss: mse(), epochs: 2, seed: 1)",
  "plot(fitter, line)",
]

/// A session at a colour terminal shows coloured charts live, but what it returns (and so what a
/// notebook records) is what a replay without colour draws: the saved notebook passes its own
/// check.
@Test func aColourSessionRecordsWhatReplayDraws() throws {
  let recorder = NotebookRecorder(seed: 1)
  let live = SessionRunner(seed: 1)
  live.session.usesColor = true
  var shown: [OutputPiece] = []
  live.session.onOutput = { shown.append($0) }
  let runner = RecordingRunner(live, recorder: recorder)
  for cell in chartCells { _ = runner.run(cell: cell) }

  let shownCharts = shown.compactMap { if case .chart(let text, _) = $0 { text } else { nil } }
  #expect(shownCharts.count == 4)
  #expect(shownCharts.allSatisfy { $0.contains("\u{1B}[") }, "the terminal shows colour")
  let recordedCharts = recorder.cells.flatMap(\.outputs).filter { $0.kind == "chart" }
  #expect(recordedCharts.count == 4)
  #expect(recordedCharts.allSatisfy { !$0.content.contains("\u{1B}") })

  let notebook = try Notebook(parsing: recorder.notebook().markdown)
  let replay = Replay(notebook, runner: SessionRunner(seed: notebook.metadata.seed))
  #expect(replay.passes, "\(replay.report(file: "colour.md"))")
  #expect(replay.outcomes.map(\.verdict).allSatisfy { $0 == .matched })
}
