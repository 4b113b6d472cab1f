import REPL

/// Everything written, kept as one string, for transcript tests.
final class CapturedOutput: TextOutput {
  /// What has been written so far.
  private(set) var text = ""

  /// Creates an empty capture.
  init() {}

  /// Appends `text`.
  func write(_ text: String) { self.text += text }
}
