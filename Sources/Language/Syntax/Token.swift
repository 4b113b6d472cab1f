/// The words of the language that cannot be used as names.
enum Keyword: String, CaseIterable, Sendable {
  case and, or, not, `for`, `in`, `if`, `else`, `true`, `false`, none, expect
}

/// A piece of a string literal: literal text, or the tokens of an interpolated `{expression}`.
enum StringPiece: Sendable, Equatable {
  case text(String)
  case interpolation([Token], range: SourceRange)
}

/// What kind of token the lexer found.
enum TokenKind: Sendable, Equatable {
  case number(Double)
  case string([StringPiece])
  case identifier(String)
  case keyword(Keyword)
  /// Punctuation and operators, spelled as in the source: `(`, `==`, `**`, ...
  case symbol(String)
  case newline
  case end
}

/// One token with the span of source it came from.
struct Token: Sendable, Equatable {
  var kind: TokenKind
  var range: SourceRange

  /// Whether this token is the symbol `spelling`.
  func isSymbol(_ spelling: String) -> Bool { kind == .symbol(spelling) }

  /// Whether this token is `keyword`.
  func isKeyword(_ keyword: Keyword) -> Bool { kind == .keyword(keyword) }

  /// How the token reads in a message: `)`, `name`, a number, end of input.
  var described: String {
    switch kind {
    case .number: "a number"
    case .string: "a string"
    case .identifier(let name): "`\(name)`"
    case .keyword(let keyword): "`\(keyword.rawValue)`"
    case .symbol(let spelling): "`\(spelling)`"
    case .newline: "the end of the line"
    case .end: "the end of the input"
    }
  }
}
