/// Turns source text into tokens, collecting a diagnostic for each character it cannot read and
/// carrying on after it.
///
/// Newlines are tokens (they end statements) except inside `(` and `[`, where a statement may
/// run over several lines. `#` starts a comment that runs to the end of the line. Strings are
/// written in double quotes; `{expression}` inside one is interpolated, and `\{`, `\"`, `\\`,
/// `\n`, `\t` escape.
struct Lexer {
  /// How deeply strings may nest inside interpolations before the lexer gives up.
  static let maximumStringNesting = 16

  private let characters: [Character]
  private var position = 0
  private var line = 1
  private var column = 1
  private(set) var diagnostics: [Diagnostic] = []

  init(_ source: String) {
    characters = Array(source)
  }

  /// Reads every token of the source, ending with `.end`.
  mutating func tokenize() -> [Token] {
    var tokens = readTokens(untilClosingBrace: false, stringNesting: 0)
    tokens.append(Token(kind: .end, range: SourceRange(start: location, end: location)))
    return tokens
  }

  private var location: SourcePosition {
    SourcePosition(offset: position, line: line, column: column)
  }

  private var current: Character? { position < characters.count ? characters[position] : nil }

  private func peek(_ ahead: Int = 1) -> Character? {
    position + ahead < characters.count ? characters[position + ahead] : nil
  }

  private mutating func advance() {
    guard let character = current else { return }
    position += 1
    if character == "\n" || character == "\r\n" {
      line += 1
      column = 1
    } else {
      column += 1
    }
  }

  private mutating func report(_ message: String, from start: SourcePosition, hint: String? = nil) {
    let end =
      location.offset > start.offset
      ? location
      : SourcePosition(
        offset: start.offset + 1, line: start.line, column: start.column + 1)
    diagnostics.append(
      Diagnostic(range: SourceRange(start: start, end: end), message: message, hint: hint))
  }

  /// Reads tokens up to the end of input, or (inside an interpolation) up to the `}` that closes
  /// it, which is consumed but not returned.
  private mutating func readTokens(untilClosingBrace: Bool, stringNesting: Int) -> [Token] {
    var tokens: [Token] = []
    var bracketDepth = 0
    var braceDepth = 0
    while let character = current {
      let start = location
      if character == "#" {
        while let next = current, next != "\n", next != "\r\n" { advance() }
      } else if character == "\n" || character == "\r\n" {
        advance()
        if bracketDepth == 0 {
          tokens.append(Token(kind: .newline, range: SourceRange(start: start, end: location)))
        }
      } else if character.isWhitespace {
        advance()
      } else if character.isASCII, character.isNumber {
        tokens.append(readNumber())
      } else if character.isLetter || character == "_" {
        tokens.append(readWord())
      } else if character == "\"" {
        tokens.append(readString(nesting: stringNesting + 1))
      } else if untilClosingBrace, character == "}", braceDepth == 0 {
        advance()
        return tokens
      } else if let symbol = readSymbol() {
        switch symbol {
        case "(", "[": bracketDepth += 1
        case ")", "]": bracketDepth = max(0, bracketDepth - 1)
        case "{": braceDepth += 1
        case "}": braceDepth = max(0, braceDepth - 1)
        default: break
        }
        tokens.append(Token(kind: .symbol(symbol), range: SourceRange(start: start, end: location)))
      } else {
        advance()
        report("unexpected character `\(character)`", from: start)
      }
    }
    return tokens
  }

  private static let symbols = [
    "**", "==", "!=", "<=", ">=", "(", ")", "[", "]", "{", "}", ",", ":", ".", ";", "=", "+", "-",
    "*", "/", "%", "<", ">",
  ]

  private static let spelledSymbols = symbols.map { (symbol: $0, characters: Array($0)) }

  private mutating func readSymbol() -> String? {
    for (symbol, spelled) in Self.spelledSymbols where spelled[0] == characters[position] {
      let fits =
        position + spelled.count <= characters.count
        && characters[position..<(position + spelled.count)].elementsEqual(spelled)
      guard fits else { continue }
      for _ in spelled { advance() }
      return symbol
    }
    return nil
  }

  private mutating func readDigits(into text: inout String) {
    while let character = current, (character.isASCII && character.isNumber) || character == "_" {
      if character != "_" { text.append(character) }
      advance()
    }
  }

  private mutating func readNumber() -> Token {
    let start = location
    var text = ""
    readDigits(into: &text)
    if current == ".", let next = peek(), next.isASCII, next.isNumber {
      text.append(".")
      advance()
      readDigits(into: &text)
    }
    if current == "e" || current == "E" {
      let sign = peek()
      let signed = sign == "+" || sign == "-"
      if let digit = peek(signed ? 2 : 1), digit.isASCII, digit.isNumber {
        text.append("e")
        advance()
        if signed, let sign {
          text.append(sign)
          advance()
        }
        readDigits(into: &text)
      }
    }
    var value = Double(text) ?? 0
    if !value.isFinite {
      report("the number \(text) is too large", from: start)
      value = 0
    }
    return Token(kind: .number(value), range: SourceRange(start: start, end: location))
  }

  private mutating func readWord() -> Token {
    let start = location
    var word = ""
    while let character = current, character.isLetter || character.isNumber || character == "_" {
      word.append(character)
      advance()
    }
    let kind: TokenKind = Keyword(rawValue: word).map { .keyword($0) } ?? .identifier(word)
    return Token(kind: kind, range: SourceRange(start: start, end: location))
  }

  private static let escapes: [Character: Character] = [
    "n": "\n", "t": "\t", "\"": "\"", "\\": "\\", "{": "{", "}": "}",
  ]

  private mutating func readString(nesting: Int) -> Token {
    let start = location
    advance()
    var pieces: [StringPiece] = []
    var text = ""
    while let character = current, character != "\"" {
      if character == "\n" || character == "\r\n" { break }
      let pieceStart = location
      advance()
      if character == "\\" {
        guard let escaped = current, escaped != "\n", escaped != "\r\n" else { break }
        advance()
        if let replacement = Self.escapes[escaped] {
          text.append(replacement)
        } else {
          report(
            "unknown escape `\\\(escaped)` in a string", from: pieceStart,
            hint: "write \\\\ for a backslash; \\n, \\t, \\\", \\{ and \\} are the escapes")
        }
      } else if character == "{" {
        if !text.isEmpty { pieces.append(.text(text)) }
        text = ""
        guard nesting < Self.maximumStringNesting else {
          report("strings are nested too deeply inside `{…}`", from: pieceStart)
          skipToEndOfLine()
          break
        }
        let tokens = readTokens(untilClosingBrace: true, stringNesting: nesting)
        pieces.append(.interpolation(tokens, range: SourceRange(start: pieceStart, end: location)))
      } else {
        text.append(character)
      }
    }
    if !text.isEmpty { pieces.append(.text(text)) }
    if current == "\"" {
      advance()
    } else {
      report(
        "this string is not closed", from: start,
        hint: "end it with a double quote `\"` on the same line")
    }
    return Token(kind: .string(pieces), range: SourceRange(start: start, end: location))
  }

  private mutating func skipToEndOfLine() {
    while let character = current, character != "\n", character != "\r\n" { advance() }
  }
}
