/// The progress lines that remain once a cell's training is over, as a terminal leaves them: a
/// line that stays (it ends in a newline) is kept; one that does not is drawn over by the next
/// progress line, so only the latest of those remains, shown when something else is printed.
///
/// Output that cannot be redrawn (a pipe, a script's log, a notebook's recording) follows the
/// same rule through this type: `add` gives the lines to write at once, `settle` the line left
/// over when other output follows or the cell ends.
public struct SettledProgress: Sendable {
  private var pending: String?

  /// Follows progress.
  public init() {}

  /// Takes one progress piece's text and returns the line to write now (without its newline):
  /// the line itself if it stays, else nothing, the line being held until `settle()`.
  public mutating func add(_ text: String) -> String? {
    guard text.hasSuffix("\n") else {
      pending = text
      return nil
    }
    pending = nil
    return String(text.dropLast())
  }

  /// The latest line that did not stay and was not drawn over, once; then nothing.
  public mutating func settle() -> String? {
    defer { pending = nil }
    return pending
  }
}
