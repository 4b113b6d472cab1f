/// What Tab offers at the cursor: `:command` names, file names inside strings (and after a
/// command that takes one), and otherwise what the session offers (names, labels, fields).
public struct Completer {
  private let session: any InteractiveSession
  private let commands: CommandRegistry
  private let files: FileNameCompleter

  /// Creates a completer that asks `session` for words, `commands` for `:command` names and
  /// lists folders with `listFolder`.
  public init(
    session: any InteractiveSession, commands: CommandRegistry,
    listFolder: @escaping (String) -> [FolderEntry]? = FolderEntry.list
  ) {
    self.session = session
    self.commands = commands
    self.files = FileNameCompleter(listFolder: listFolder)
  }

  /// The completions of `text` (the whole unfinished cell up to the cursor), each a whole
  /// replacement of `token`, the end of `text` being completed.
  public func complete(_ text: String) -> (token: String, candidates: [String]) {
    let trimmed = text.drop(while: \.isWhitespace)
    if trimmed.hasPrefix(":") {
      guard let space = trimmed.firstIndex(of: " ") else {
        let typed = String(trimmed)
        return (typed, commands.names.map { ":" + $0 + " " }.filter { $0.hasPrefix(typed) })
      }
      let typed = String(trimmed[space...].drop(while: \.isWhitespace))
      let name = String(trimmed[..<space].dropFirst())
      guard commands.command(named: name)?.takesFileName == true else { return (typed, []) }
      return (typed, files.complete(typed))
    }
    if session.isInsideString(text) {
      let typed = String(
        text[(text.lastIndex(of: "\"").map(text.index(after:)) ?? text.startIndex)...])
      return (typed, files.complete(typed))
    }
    let word = String(text.reversed().prefix { $0 == "_" || $0.isLetter || $0.isNumber }.reversed())
    // A lone label gets its space: `epo` becomes `epochs: `.
    return (word, session.completions(for: text).map { $0.hasSuffix(":") ? $0 + " " : $0 })
  }

  /// The replacements of `word`, the text libedit will replace (it ends at the cursor and may
  /// be shorter or longer than the token completed: libedit splits words by its own rules).
  public func replacements(of word: String, textBeforeCursor text: String) -> [String] {
    let (token, candidates) = complete(text)
    if word.count >= token.count {
      let kept = String(word.dropLast(token.count))
      return candidates.map { kept + $0 }
    }
    let dropped = token.count - word.count
    return candidates.map { String($0.dropFirst(dropped)) }
  }
}
