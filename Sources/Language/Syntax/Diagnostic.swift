import Support

/// A located message about a user's mistake: what went wrong, where, and what to try instead.
///
/// Diagnostics are values: the parser collects them, the interpreter throws one, and a session
/// renders them as text like
///
///     cell 3, line 1, column 17: `fit` has no argument `epoch`; did you mean `epochs`?
///       run = fit(net, epoch: 3)
///                      ^~~~~
///       hint: ...
public struct Diagnostic: Error, Sendable, Equatable {
  /// The span of source the message is about.
  public var range: SourceRange
  /// The message in plain words.
  public var message: String
  /// What to try instead, when there is a suggestion.
  public var hint: String?
  /// Where the source came from (a file name or `cell 3`), when it has a name.
  public var origin: String?

  /// Creates a diagnostic.
  public init(range: SourceRange, message: String, hint: String? = nil, origin: String? = nil) {
    self.range = range
    self.message = message
    self.hint = hint
    self.origin = origin
  }

  /// The heading line: origin, line and column, then the message.
  public var heading: String {
    let place = "line \(range.start.line), column \(range.start.column)"
    return (origin.map { "\($0), " } ?? "") + place + ": " + abbreviated(message, limit: 2000)
  }

  /// The full rendering: the heading, the source line, a caret under the start with tildes under
  /// the rest of the range (up to the end of that line), and the hint.
  public func rendered(in source: String) -> String {
    var lines = [heading]
    let sourceLines = source.split(
      omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    let lineIndex = range.start.line - 1
    if sourceLines.indices.contains(lineIndex) {
      var text = Array(sourceLines[lineIndex])
      var column = min(range.start.column - 1, text.count)
      let sameLine = range.end.line == range.start.line
      var endColumn = sameLine ? range.end.column - 1 : text.count
      // A very long line is shown as a window around the column, marked at its cut ends.
      let window = 160
      if text.count > window {
        let first = max(0, min(column - window / 2, text.count - window))
        let cutBefore: [Character] = first > 0 ? ["…"] : []
        let cutAfter: [Character] = first + window < text.count ? ["…"] : []
        text = cutBefore + Array(text[first..<(first + window)]) + cutAfter
        column += cutBefore.count - first
        endColumn += cutBefore.count - first
      }
      // A line that starts with a combining mark would join the indentation's space; the mark is
      // shown on a dotted circle, as Unicode shows a mark with no letter, so the caret lines up.
      if let first = text.first, (" " + String(first)).count == 1 {
        text[0] = Character("◌" + String(first))
      }
      lines.append("  " + String(text))
      let padding = text.prefix(column).map { $0 == "\t" ? "\t" : " " }.joined()
      let tildes = max(0, min(endColumn, text.count) - column - 1)
      lines.append("  " + padding + "^" + String(repeating: "~", count: tildes))
    }
    if let hint { lines.append("  hint: " + abbreviated(hint, limit: 2000)) }
    return lines.joined(separator: "\n")
  }
}
