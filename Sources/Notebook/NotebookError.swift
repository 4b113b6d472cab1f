/// A problem with a notebook file, located at a line, e.g.
/// `lesson.md:12: unclosed fence: the ```trainbook block opened here never closes`.
public struct NotebookError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file the problem is in, if known.
  public var file: String?
  /// The 1-based line the problem is at.
  public var line: Int
  /// What is wrong, in plain words.
  public var message: String

  /// Creates an error at `line` of `file`.
  public init(file: String? = nil, line: Int, _ message: String) {
    self.file = file
    self.line = line
    self.message = message
  }

  /// `file:line: message`, or `line N: message` without a file.
  public var description: String {
    if let file { "\(file):\(line): \(message)" } else { "line \(line): \(message)" }
  }
}
