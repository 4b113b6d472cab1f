/// Parses tokens into statements by recursive descent, with precedence climbing for binary
/// operators.
///
/// Each mistake becomes a diagnostic; the parser then skips to the end of the statement
/// (jlox's `synchronize`) and carries on, so one mistake does not cascade into many. Nesting is
/// capped at `maximumNesting` levels so that no input can overflow the stack.
struct Parser {
  /// How deeply expressions and blocks may nest; each link of a chain (`a + b + c`, `a.b.c`)
  /// counts as a level too, since it nests in the tree as deeply.
  static let maximumNesting = 200

  /// Thrown to abandon the current statement after its diagnostic was recorded.
  struct Abandon: Error {}

  private var tokens: [Token]
  private var position = 0
  private var depth: Int
  /// The mistakes found so far.
  var diagnostics: [Diagnostic] = []

  init(tokens: [Token], depth: Int = 0) {
    self.tokens = tokens
    self.depth = depth
  }

  /// Parses `source` into statements, with the diagnostics of the lexer and the parser.
  static func parse(_ source: String) -> (statements: [Statement], diagnostics: [Diagnostic]) {
    var lexer = Lexer(source)
    let tokens = lexer.tokenize()
    var parser = Parser(tokens: tokens)
    let statements = parser.parseProgram()
    return (statements, lexer.diagnostics + parser.diagnostics)
  }

  // MARK: Tokens

  var current: Token { tokens[min(position, tokens.count - 1)] }

  /// The range of the token before the current one.
  var previousRange: SourceRange { tokens[max(0, min(position, tokens.count) - 1)].range }

  /// How deeply the parser is nested now.
  var currentDepth: Int { depth }

  mutating func advance() {
    if position < tokens.count - 1 { position += 1 }
  }

  mutating func skipNewlines() {
    while current.kind == .newline || current.isSymbol(";") { advance() }
  }

  /// Consumes the symbol `spelling` or fails with `message`.
  mutating func consume(_ spelling: String, _ message: String, hint: String? = nil) throws {
    guard current.isSymbol(spelling) else { throw fail(message, at: current.range, hint: hint) }
    advance()
  }

  /// Records a diagnostic and returns the error that abandons the statement.
  mutating func fail(_ message: String, at range: SourceRange, hint: String? = nil) -> Abandon {
    diagnostics.append(Diagnostic(range: range, message: message, hint: hint))
    return Abandon()
  }

  /// Runs `body` one nesting level deeper, failing when nesting passes the cap.
  mutating func nested<T>(_ body: (inout Parser) throws -> T) throws -> T {
    try deepen()
    defer { depth -= 1 }
    return try body(&self)
  }

  /// Goes one nesting level deeper, failing when nesting passes the cap; the caller restores
  /// the depth.
  mutating func deepen() throws {
    guard depth < Self.maximumNesting else {
      throw fail(
        "this is nested too deeply (more than \(Self.maximumNesting) levels)", at: current.range,
        hint: "split it into several statements with names for the parts")
    }
    depth += 1
  }

  /// Runs `body`, then restores the nesting depth to what it was before, undoing the levels
  /// `body` added for the links of a chain.
  mutating func restoringDepth<T>(_ body: (inout Parser) throws -> T) throws -> T {
    let saved = depth
    defer { depth = saved }
    return try body(&self)
  }

  // MARK: Statements

  mutating func parseProgram() -> [Statement] {
    var statements: [Statement] = []
    skipNewlines()
    while current.kind != .end {
      if current.isSymbol("}") {
        diagnostics.append(
          Diagnostic(range: current.range, message: "this `}` closes nothing"))
        advance()
      } else if let statement = parseStatementRecovering() {
        statements.append(statement)
      }
      skipNewlines()
    }
    return statements
  }

  /// Parses one statement; on a mistake, skips to the end of the statement and returns nil.
  private mutating func parseStatementRecovering() -> Statement? {
    do {
      let statement = try parseStatement()
      try expectEndOfStatement()
      return statement
    } catch {
      synchronize()
      return nil
    }
  }

  /// Skips tokens up to the next newline or `;` outside braces, or up to a `}` that closes the
  /// enclosing block (left for the block to consume).
  private mutating func synchronize() {
    var braces = 0
    while current.kind != .end {
      if braces == 0, current.kind == .newline || current.isSymbol(";") || current.isSymbol("}") {
        return
      }
      if current.isSymbol("{") { braces += 1 }
      if current.isSymbol("}") { braces -= 1 }
      advance()
    }
  }

  private mutating func expectEndOfStatement() throws {
    let kind = current.kind
    guard kind == .newline || kind == .end || current.isSymbol(";") || current.isSymbol("}")
    else {
      throw fail(
        "expected the end of the statement, found \(current.described)", at: current.range,
        hint: "put each statement on its own line, or separate them with `;`")
    }
  }

  private mutating func parseStatement() throws -> Statement {
    let start = current.range
    if current.isKeyword(.for) { return try parseFor() }
    if current.isKeyword(.if) { return try parseIf() }
    if current.isKeyword(.expect) {
      advance()
      let condition = try parseExpression()
      var message: Expression?
      if current.isSymbol(",") {
        advance()
        message = try parseExpression()
      }
      let end = message?.range ?? condition.range
      return Statement(
        kind: .expect(condition, message: message), range: SourceRange(from: start, to: end))
    }
    let first = try parseExpression()
    var targets = [first]
    while current.isSymbol(",") {
      advance()
      targets.append(try parseExpression())
    }
    guard current.isSymbol("=") else {
      if targets.count > 1 {
        throw fail(
          "expected `=` after the names to assign", at: current.range,
          hint: "write `a, b = [1, 2]` to take a list apart into names")
      }
      return Statement(kind: .expression(first), range: first.range)
    }
    advance()
    skipLineBreaks()
    let names = try targets.map { target in
      guard case .variable(let name) = target.kind else {
        throw fail(
          "only a name can be assigned to", at: target.range,
          hint: "write `name = value`; use `==` to compare")
      }
      return (name: name, range: target.range)
    }
    let value = try parseExpression()
    return Statement(
      kind: .assignment(targets: names, value: value),
      range: SourceRange(from: start, to: value.range))
  }

  /// Skips newlines after an operator, `=` or `,` so an unfinished line continues on the next.
  mutating func skipLineBreaks() {
    while current.kind == .newline { advance() }
  }

  private mutating func parseFor() throws -> Statement {
    let start = current.range
    advance()
    guard case .identifier(let name) = current.kind else {
      throw fail(
        "expected a name for the loop variable after `for`, found \(current.described)",
        at: current.range, hint: "write `for x in [1, 2, 3] { print(x) }`")
    }
    let nameRange = current.range
    advance()
    guard current.isKeyword(.in) else {
      throw fail(
        "expected `in` after `for \(name)`, found \(current.described)", at: current.range,
        hint: "write `for \(name) in [1, 2, 3] { … }`")
    }
    advance()
    let sequence = try parseExpression()
    let body = try parseBlock(after: "for \(name) in …")
    return Statement(
      kind: .forLoop(variable: name, variableRange: nameRange, sequence: sequence, body: body),
      range: SourceRange(from: start, to: previousRange))
  }

  private mutating func parseIf() throws -> Statement {
    let start = current.range
    advance()
    let condition = try parseExpression()
    let then = try parseBlock(after: "if …")
    var otherwise: [Statement] = []
    var lookahead = position
    while tokens[lookahead].kind == .newline { lookahead += 1 }
    if tokens[lookahead].isKeyword(.else) {
      position = lookahead
      advance()
      if current.isKeyword(.if) {
        otherwise = [try nested { try $0.parseIf() }]
      } else {
        otherwise = try parseBlock(after: "else")
      }
    }
    return Statement(
      kind: .ifElse(condition: condition, then: then, otherwise: otherwise),
      range: SourceRange(from: start, to: previousRange))
  }

  /// Parses `{ statements }`; mistakes inside are recorded and skipped statement by statement.
  mutating func parseBlock(after construct: String) throws -> [Statement] {
    guard current.isSymbol("{") else {
      let hint =
        current.isSymbol("=")
        ? "to compare, write `==`; a single `=` gives a name to a value"
        : "put the body in braces: `\(construct) { … }`"
      throw fail(
        "expected `{` to start the body of `\(construct)`, found \(current.described)",
        at: current.range, hint: hint)
    }
    let open = current.range
    advance()
    return try nested { parser in
      var statements: [Statement] = []
      parser.skipNewlines()
      while !parser.current.isSymbol("}") {
        guard parser.current.kind != .end else {
          throw parser.fail(
            "this `{` is never closed", at: open, hint: "add a `}` after the last statement")
        }
        if let statement = parser.parseStatementRecovering() { statements.append(statement) }
        parser.skipNewlines()
      }
      parser.advance()
      return statements
    }
  }
}
