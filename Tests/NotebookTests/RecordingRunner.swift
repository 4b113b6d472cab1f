import Language
import Notebook

/// A runner that records every cell it runs through another runner.
final class RecordingRunner: CellRunner {
  /// The runner that really runs the cells.
  let inner: any CellRunner
  /// Where the cells and their outputs are recorded.
  let recorder: NotebookRecorder

  /// Wraps `inner`, recording into `recorder`.
  init(_ inner: any CellRunner, recorder: NotebookRecorder) {
    self.inner = inner
    self.recorder = recorder
  }

  /// Runs the cell through the inner runner and records it (with its stopping point).
  func run(cell source: String, stoppingTrainingAt stop: TrainingStop?) -> [OutputPiece] {
    let outputs = inner.run(cell: source, stoppingTrainingAt: stop)
    recorder.record(source: source, outputs: outputs, interruption: stop.map { .training($0) })
    return outputs
  }
}
