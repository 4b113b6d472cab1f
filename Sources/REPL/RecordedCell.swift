import Language
import Notebook

/// A cell the learner ran and what it printed, in order: what `:save` writes as a notebook.
public struct RecordedCell: Sendable, Equatable {
  /// The cell's source, possibly several lines.
  public var source: String
  /// What running it printed.
  public var outputs: [OutputPiece]
  /// Where Ctrl-C stopped it, if it did.
  public var interruption: CellInterruption?
  /// The folder of the files it read that the session had not written itself, which a replay
  /// needs beside the notebook; nil if it read none (or paths were not confined).
  public var readsFrom: String?

  /// Creates a record.
  public init(
    source: String, outputs: [OutputPiece], interruption: CellInterruption? = nil,
    readsFrom: String? = nil
  ) {
    self.source = source
    self.outputs = outputs
    self.interruption = interruption
    self.readsFrom = readsFrom
  }
}
