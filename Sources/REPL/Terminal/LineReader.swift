/// What one attempt to read a line produced.
public enum LineRead: Sendable, Equatable {
  /// A line the learner entered, without its newline.
  case line(String)
  /// Ctrl-C: the line being typed was thrown away.
  case interrupted
  /// Ctrl-D on an empty line, or the end of piped input.
  case endOfInput
}

/// Reads the learner's lines, one prompt at a time, and keeps their history.
///
/// Two readers exist: ``EditLineReader`` (libedit: line editing, completion, Ctrl-R, a history
/// file) when standard input and output are both terminals, and ``PlainLineReader`` otherwise.
public protocol LineReader: AnyObject {
  /// Shows `prompt` and reads one line.
  func readLine(prompt: String) -> LineRead
  /// Adds an entry (a whole cell, possibly of several lines) to the history.
  func remember(_ entry: String)
  /// The history, oldest first.
  var history: [String] { get }
}
