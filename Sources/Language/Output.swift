/// One typed piece of what running a cell printed, so notebook replay can compare each kind by
/// its own rule (numbers in text at their printed precision; timings and progress never).
public enum OutputPiece: Sendable, Equatable {
  /// Ordinary printed text, one or more lines.
  case text(String)
  /// A chart: its terminal rendering (kept in notebooks) and the same chart as SVG (for export).
  case chart(terminal: String, svg: String)
  /// A wall-clock measurement, never compared on replay.
  case timing(String)
  /// A training progress line, never compared on replay. A line that ends in a newline stays on
  /// screen (a fit's heading, every few epochs' line); one without is drawn over by the next, as
  /// a terminal's carriage return would.
  case progress(String)
  /// A diagnostic: the cell failed with this located message.
  case error(String)
}

/// Something that runs cells of trainbook code one after another in one session.
public protocol CellRunner: AnyObject {
  /// Runs one cell's source in the session and returns what it printed, in order; its training
  /// stops at `stop` as if Ctrl-C were pressed there, when a stopping point is given.
  func run(cell source: String, stoppingTrainingAt stop: TrainingStop?) -> [OutputPiece]
}

extension CellRunner {
  /// Runs one cell's source in the session, to its end, and returns what it printed.
  public func run(cell source: String) -> [OutputPiece] {
    run(cell: source, stoppingTrainingAt: nil)
  }
}
