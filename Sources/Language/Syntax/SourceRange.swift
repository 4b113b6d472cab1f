/// A position in source text: a character offset with its 1-based line and column.
public struct SourcePosition: Sendable, Equatable, Comparable {
  /// The offset in characters from the start of the source.
  public var offset: Int
  /// The 1-based line number.
  public var line: Int
  /// The 1-based column, counted in characters.
  public var column: Int

  /// Creates a location from its offset, line and column.
  public init(offset: Int, line: Int, column: Int) {
    self.offset = offset
    self.line = line
    self.column = column
  }

  /// Orders locations by their offset.
  public static func < (left: SourcePosition, right: SourcePosition) -> Bool {
    left.offset < right.offset
  }
}

/// The span of source text a token, expression or diagnostic covers: `start` up to (not
/// including) `end`.
public struct SourceRange: Sendable, Equatable {
  /// The first character of the span.
  public var start: SourcePosition
  /// The location just after the last character of the span.
  public var end: SourcePosition

  /// Creates a range from its two ends.
  public init(start: SourcePosition, end: SourcePosition) {
    self.start = start
    self.end = end
  }

  /// The range from the start of `first` to the end of `last`.
  public init(from first: SourceRange, to last: SourceRange) {
    self.init(start: first.start, end: max(first.end, last.end))
  }
}
