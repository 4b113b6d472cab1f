/// A problem with a notebook file, located at a line, e.g.
/// `lesson.md:12: unclosed fence: the ```trainbook block opened here never closes`.
public struct NotebookError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file the problem is in, if known.
  public var file: String?
  /// The 1-based line the problem is at (0 for a problem with the file as a whole).
  public var line: Int
  /// The 1-based column the problem is at, where one is known.
  public var column: Int?
  /// What is wrong, in plain words.
  public var message: String

  /// Creates an error at `line` (and `column`) of `file`.
  public init(file: String? = nil, line: Int, column: Int? = nil, _ message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  /// `file:line:column: message` (without the parts not known), or `line N, column C: message`
  /// without a file.
  public var description: String {
    guard let file else {
      return "line \(line)" + (column.map { ", column \($0)" } ?? "") + ": \(message)"
    }
    let place = line > 0 ? ":\(line)" + (column.map { ":\($0)" } ?? "") : ""
    return "\(file)\(place): \(message)"
  }
}
