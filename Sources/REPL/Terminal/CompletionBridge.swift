import CLibEdit
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Answers libedit's completion requests on the thread that called `readline()`.
///
/// libedit calls the completion function synchronously from inside `readline()`, so the handler
/// only ever runs on the prompt's own thread; the type is marked `Sendable` to be stored in a
/// global, not to be shared.
final class CompletionHandler: @unchecked Sendable {
  /// Given the line up to the cursor and the word libedit will replace, the replacements of that
  /// word (not yet including the common prefix).
  let replacements: (_ lineBeforeCursor: String, _ word: String) -> [String]

  init(replacements: @escaping (_ lineBeforeCursor: String, _ word: String) -> [String]) {
    self.replacements = replacements
  }
}

/// The handler libedit's completion function consults; `nil` completes nothing.
let currentCompletionHandler = Mutex<CompletionHandler?>(nil)

/// The characters that end the word libedit hands to completion. `.` and `/` are not among them,
/// so `run.be` and `"data/ir` reach the completer whole and their listings read in full.
let completionWordBreaks: StaticString = " \t\n\"'`()[]{},;:=+-*<>!&|#"

/// libedit's attempted-completion function: a capture-free C function that returns a `malloc`ed,
/// NULL-terminated array of `strdup`ed strings, the common prefix of the matches first.
///
/// It sets `rl_attempted_completion_over` every time (libedit resets it after each completion),
/// so libedit never falls back to completing file names on its own.
let completeForLibEdit:
  @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<
    UnsafeMutablePointer<CChar>?
  >? = { text, _, _ in
    trainbook_set_completion_over(1)
    trainbook_set_completion_append_character(0)
    guard let handler = currentCompletionHandler.withLock({ $0 }) else { return nil }
    let word = text.map { String(cString: $0) } ?? ""
    let matches = handler.replacements(lineBeforeCursor(), word)
    guard !matches.isEmpty else { return nil }
    let entries = [commonPrefix(of: matches)] + (matches.count > 1 ? matches : [])
    let size = MemoryLayout<UnsafeMutablePointer<CChar>?>.stride * (entries.count + 1)
    guard let raw = malloc(size) else { return nil }
    let array = raw.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: entries.count + 1)
    for (index, entry) in entries.enumerated() { array[index] = strdup(entry) }
    array[entries.count] = nil
    return array
  }

/// The text of the line being edited, from its start to the cursor. (libedit counts the cursor
/// position in characters, as wide characters, not in bytes.)
private func lineBeforeCursor() -> String {
  guard let buffer = trainbook_line_buffer() else { return "" }
  let point = Int(max(0, trainbook_point()))
  var line = String.UnicodeScalarView()
  line.append(contentsOf: String(cString: buffer).unicodeScalars.prefix(point))
  return String(line)
}

/// The longest common prefix of `strings`, by characters.
package func commonPrefix(of strings: [String]) -> String {
  guard var prefix = strings.first else { return "" }
  for string in strings.dropFirst() {
    prefix = String(zip(prefix, string).prefix { $0 == $1 }.map(\.0))
  }
  return prefix
}
