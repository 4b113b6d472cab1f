/// A lesson that cannot be read: a malformed manifest, lesson text or exercise, with the file
/// and (where there is one) the line, and what to change.
public struct LessonError: Error, CustomStringConvertible, Equatable, Sendable {
  /// The file at fault, as a path relative to the lessons folder when it lies inside it.
  public var file: String
  /// The line at fault, counted from 1; `nil` when the mistake is the file as a whole.
  public var line: Int?
  /// What is wrong, in plain words.
  public var message: String

  /// Creates an error about `file` (at `line`, when known).
  public init(file: String, line: Int? = nil, _ message: String) {
    self.file = file
    self.line = line
    self.message = message
  }

  /// `file:line: message`, as compilers print it.
  public var description: String {
    file + (line.map { ":\($0)" } ?? "") + ": " + message
  }
}
