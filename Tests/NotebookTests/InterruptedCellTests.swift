import Language
import Notebook
import Testing

/// A session whose learner presses Ctrl-C after training step `step` of `epoch` (counted over
/// the fits of one cell as the bar shows them, the `fit`-th fit): the flag is raised from the
/// bar's callback, as the signal handler raises it while a step runs.
func sessionPressingCtrlC(fit: Int, epoch: Int, step: Int) -> SessionRunner {
  let runner = SessionRunner(seed: 3)
  let session = runner.session
  var fits = 0
  session.runs.onTrainingStep = { bar in
    if bar.epoch == 1 && bar.step == 1 { fits += 1 }
    if fits == fit && bar.epoch == epoch && bar.step == step { session.cancellation.cancel() }
  }
  return runner
}

let interruptedCells = [
  "data = moons(n: 200, noise: 0.2, seed: 1)",
  "net = mlp(inputs: 2, hidden: [16], seed: 1)",
  "run = fit(net, data, epochs: 400, batch: 16, optimizer: adam(lr: 0.01), seed: 2)\n"
    + "print(\"not reached\")",
  "net.layers",
]

/// A fit stopped by Ctrl-C at the prompt is recorded with its epoch and step; replay stops the
/// same training at the same step, so the run, its printed numbers and the weights are the same
/// bit for bit, and the cells after it see the same model.
@Test func aFitStoppedByCtrlCReplaysToTheSameStep() throws {
  let live = sessionPressingCtrlC(fit: 1, epoch: 3, step: 5)
  let recorder = NotebookRecorder(seed: 3)
  for cell in interruptedCells {
    let outputs = live.run(cell: cell)
    recorder.record(
      source: cell, outputs: outputs,
      interruption: live.session.interruption.map { .training($0) })
  }
  let stopped = TrainingStop(fit: 1, epoch: 3, step: 5)
  let markdown = recorder.notebook().markdown
  #expect(markdown.contains("<!-- interrupted: epoch 3, step 5 -->\n```trainbook\nrun = fit("))
  #expect(markdown.contains("<!-- expect-error: line 2, column 1: interrupted -->"))

  let notebook = try Notebook(parsing: markdown)
  #expect(notebook.cells[2].markers.interruption == .training(stopped))
  let fresh = SessionRunner(seed: notebook.metadata.seed)
  let replay = Replay(notebook, runner: fresh)
  #expect(replay.passes, "\(replay.report(file: "interrupted.md"))")
  #expect(replay.outcomes.map(\.verdict).allSatisfy { $0 == .matched })
  for name in ["net", "run"] {
    let before = live.session.value(of: name).map(\.summary)
    #expect(before != nil && before == fresh.session.value(of: name).map(\.summary))
  }
  let weights = { (runner: SessionRunner) in
    runner.session.run("net.layers[0].weight.values", origin: nil).map { "\($0)" }
  }
  #expect(weights(live) == weights(fresh))
}

/// The second fit of a cell is named in the marker, and replay stops that one, not the first.
@Test func theSecondFitOfACellIsStoppedWhereItWas() throws {
  let live = sessionPressingCtrlC(fit: 2, epoch: 2, step: 3)
  let cells = [
    "data = xor(n: 64, seed: 1)",
    "a = fit(mlp(inputs: 2, seed: 1), data, epochs: 3, batch: 8, seed: 1)\n"
      + "b = fit(mlp(inputs: 2, seed: 2), data, epochs: 9, batch: 8, seed: 1)",
    "[a.epochs, b.epochs]",
  ]
  let recorder = NotebookRecorder(seed: 3)
  for cell in cells {
    let outputs = live.run(cell: cell)
    recorder.record(
      source: cell, outputs: outputs,
      interruption: live.session.interruption.map { .training($0) })
  }
  let notebook = try Notebook(parsing: recorder.notebook().markdown)
  let point = TrainingStop(fit: 2, epoch: 2, step: 3)
  #expect(notebook.cells[1].markers.interruption == .training(point))
  #expect(notebook.markdown.contains("<!-- interrupted: fit 2, epoch 2, step 3 -->"))
  let fresh = SessionRunner(seed: 3)
  let replay = Replay(notebook, runner: fresh)
  #expect(replay.passes, "\(replay.report(file: "two-fits.md"))")
  #expect(fresh.session.run("[a.epochs, b.epochs]", origin: nil) == [.text("[3, 1]")])
}

/// A cell stopped outside training (here, a loop) cannot be stopped at the same point: it is
/// marked `interrupted` without a point, and replay keeps its output without running it; a cell
/// stopped in training is run with its stopping point.
@Test func aCellStoppedOutsideTrainingIsNotRunOnReplay() throws {
  let markdown = """
    ```trainbook
    x = 1
    ```

    <!-- output -->
    ```output
    x: 1
    ```

    <!-- interrupted -->
    <!-- expect-error: line 2, column 3: interrupted -->
    ```trainbook
    for i in range(1000000000) {
      x = x + 1
    }
    ```

    <!-- output -->
    ```output error
    line 2, column 3: interrupted
    ```

    <!-- interrupted: epoch 2, step 1 -->
    ```trainbook
    x = 2
    ```
    """
  let notebook = try Notebook(parsing: markdown)
  #expect(notebook.cells[1].markers.interruption == .outsideTraining)
  #expect(notebook.markdown.contains("interrupted -->\n<!-- interrupted -->\n```trainbook"))
  let runner = ScriptedRunner(["x = 1": [.text("x: 1")], "x = 2": []])
  let replay = Replay(notebook, runner: runner)
  #expect(runner.ran == ["x = 1", "x = 2"])
  #expect(runner.stops == [nil, TrainingStop(epoch: 2, step: 1)])
  #expect(replay.outcomes.map(\.verdict) == [.matched, .skipped, .matched])
}
