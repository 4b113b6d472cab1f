import CLibEdit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads lines through libedit: Emacs keys, Ctrl-R history search, Tab completion and a history
/// file that persists between runs. Use it only when standard input and output are terminals.
///
/// Ctrl-C makes `readline()` return `NULL` with ``Interrupt`` set (once
/// ``Interrupt/installHandler()`` has run: the handler has no `SA_RESTART`, and libedit's own
/// signal handling is turned off here); Ctrl-D returns `NULL` without.
public final class EditLineReader: LineReader {
  /// The most entries kept, in memory and in the file.
  public static let historyLimit: Int32 = 1000

  private let historyPath: String?

  /// Sets libedit up and loads the history file at `historyPath`, if any. `complete` receives
  /// the line up to the cursor and the word libedit will replace, and returns that word's
  /// replacements.
  public init(
    historyPath: String?,
    complete: @escaping (_ lineBeforeCursor: String, _ word: String) -> [String]
  ) {
    self.historyPath = historyPath
    // Without a UTF-8 character type libedit drops non-ASCII input: take the user's locale, and
    // if that is plain C (as in many containers), its UTF-8 variant.
    setlocale(LC_ALL, "")
    let characterType = setlocale(LC_CTYPE, nil).map { String(cString: $0) } ?? "C"
    if characterType == "C" || characterType == "POSIX" { setlocale(LC_CTYPE, "C.UTF-8") }
    trainbook_set_readline_name("trainbook")
    trainbook_set_catch_signals(0)
    // A static string's storage is NUL-terminated and lives as long as the program.
    trainbook_set_word_break_characters(
      UnsafeRawPointer(completionWordBreaks.utf8Start).assumingMemoryBound(to: CChar.self))
    currentCompletionHandler.withLock { $0 = CompletionHandler(replacements: complete) }
    trainbook_set_completion(completeForLibEdit)
    using_history()
    clear_history()  // libedit's history is process-wide: start from the file alone
    stifle_history(Self.historyLimit)
    if let historyPath { _ = read_history(historyPath) }
  }

  /// Shows `prompt` (its colour codes marked as taking no columns) and reads one edited line.
  public func readLine(prompt: String) -> LineRead {
    Interrupt.clear()
    guard let raw = readline(Self.markingInvisibleCodes(in: prompt)) else {
      writeAll("\n", to: STDOUT_FILENO)  // Ctrl-C and Ctrl-D leave the cursor after the line
      if Interrupt.isRequested {
        Interrupt.clear()
        return .interrupted
      }
      return .endOfInput
    }
    defer { free(raw) }
    return .line(String(cString: raw))
  }

  /// Adds `entry` to the history and rewrites the history file (atomically: a temporary file in
  /// the same folder, then a rename), so nothing is lost if the process is killed.
  public func remember(_ entry: String) {
    add_history(entry)
    guard let historyPath else { return }
    let temporary = historyPath + ".\(getpid()).tmp"
    if write_history(temporary) == 0 {
      rename(temporary, historyPath)
    } else {
      unlink(temporary)
    }
  }

  /// The history entries, oldest first.
  public var history: [String] {
    let base = trainbook_history_base()
    return (0..<trainbook_history_length()).compactMap { offset in
      history_get(base + offset).flatMap { $0.pointee.line }.map { String(cString: $0) }
    }
  }

  /// `prompt` with each escape sequence wrapped in libedit's ignore markers (`\u{1}`…`\u{2}`),
  /// so the cursor column is computed from the visible characters only.
  package static func markingInvisibleCodes(in prompt: String) -> String {
    var result = ""
    var inEscape = false
    for scalar in prompt.unicodeScalars {
      if scalar == "\u{1B}" {
        inEscape = true
        result.unicodeScalars.append("\u{1}")
      }
      result.unicodeScalars.append(scalar)
      if inEscape, scalar != "\u{1B}", scalar != "[", (0x40...0x7E).contains(scalar.value) {
        inEscape = false
        result.unicodeScalars.append("\u{2}")
      }
    }
    return result
  }
}
