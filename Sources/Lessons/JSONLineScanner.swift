/// Finds the line of the first syntax mistake in JSON text, without recursion (deep nesting
/// cannot overflow the stack): a tokenizer and a stack of open containers.
struct JSONLineScanner {
  let text: [Character]
  private var index = 0
  private var line = 1

  init(text: [Character]) { self.text = text }

  private enum Expected { case value, keyOrClose, key, colon, commaOrClose }

  /// The line where the text stops being JSON (the end's line for text cut short).
  mutating func lineOfFirstMistake() -> Int {
    var open: [Character] = []  // "{" or "["
    var expected = Expected.value
    var finished = false
    while let token = nextToken() {
      if finished { return line }
      switch (expected, token) {
      case (.value, "{"):
        open.append("{")
        expected = .keyOrClose
      case (.value, "["):
        open.append("[")
        expected = .value
      case (.value, "]") where open.last == "[":
        open.removeLast()
        expected = .commaOrClose
      case (.value, "s"), (.value, "l"): expected = .commaOrClose
      case (.keyOrClose, "}"):
        open.removeLast()
        expected = .commaOrClose
      case (.keyOrClose, "s"), (.key, "s"): expected = .colon
      case (.colon, ":"): expected = .value
      case (.commaOrClose, ","): expected = open.last == "{" ? .key : .value
      case (.commaOrClose, "}") where open.last == "{", (.commaOrClose, "]") where open.last == "[":
        open.removeLast()
      default: return line
      }
      if open.isEmpty && expected == .commaOrClose { finished = true }
    }
    return line
  }

  /// The next token's kind: a bracket or punctuation as itself, `s` for a string, `l` for a
  /// number or literal, `?` for anything else; `nil` at the end. Counts lines as it goes.
  private mutating func nextToken() -> Character? {
    while index < text.count, text[index].isWhitespace {
      if text[index].isNewline { line += 1 }
      index += 1
    }
    guard index < text.count else { return nil }
    let character = text[index]
    index += 1
    switch character {
    case "{", "}", "[", "]", ":", ",": return character
    case "\"":
      while index < text.count, text[index] != "\"" {
        if text[index].isNewline { return "?" }
        index += text[index] == "\\" ? 2 : 1
      }
      guard index < text.count else { return "?" }
      index += 1
      return "s"
    default:
      guard character.isLetter || character.isNumber || character == "-" else { return "?" }
      while index < text.count,
        text[index].isLetter || text[index].isNumber || ".+-".contains(text[index])
      {
        index += 1
      }
      return "l"
    }
  }
}
