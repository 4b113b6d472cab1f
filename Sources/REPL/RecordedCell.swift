import Language

/// A cell the learner ran and what it printed, in order: what `:save` writes as a notebook.
public struct RecordedCell: Sendable, Equatable {
  /// The cell's source, possibly several lines.
  public var source: String
  /// What running it printed.
  public var outputs: [OutputPiece]

  /// Creates a record.
  public init(source: String, outputs: [OutputPiece]) {
    self.source = source
    self.outputs = outputs
  }
}
