/// Expressions: precedence climbing over the binary operators, then unary operators, postfix
/// calls, field access and indexing, and the primary forms.
extension Parser {
  mutating func parseExpression() throws -> Expression {
    try parseBinary(minimumPrecedence: 1)
  }

  private var binaryOperator: BinaryOperator? {
    switch current.kind {
    case .symbol(let spelling): BinaryOperator(rawValue: spelling)
    case .keyword(.and): .and
    case .keyword(.or): .or
    default: nil
    }
  }

  private mutating func parseBinary(minimumPrecedence: Int) throws -> Expression {
    try restoringDepth { parser in
      try parser.deepen()
      var left = try parser.parseUnary()
      while let operation = parser.binaryOperator, operation.precedence >= minimumPrecedence {
        try parser.deepen()
        parser.advance()
        parser.skipLineBreaks()
        // `**` groups to the right; the others to the left.
        let next = operation == .power ? operation.precedence : operation.precedence + 1
        let right = try parser.parseBinary(minimumPrecedence: next)
        left = Expression(
          kind: .binary(operation, left, right),
          range: SourceRange(from: left.range, to: right.range))
      }
      return left
    }
  }

  private mutating func parseUnary() throws -> Expression {
    let start = current.range
    let operation: UnaryOperator
    let operandPrecedence: Int
    if current.isSymbol("-") {
      (operation, operandPrecedence) = (.negate, BinaryOperator.power.precedence)
    } else if current.isKeyword(.not) {
      (operation, operandPrecedence) = (.not, BinaryOperator.equal.precedence)
    } else {
      return try parsePostfix()
    }
    advance()
    let operand = try parseBinary(minimumPrecedence: operandPrecedence)
    return Expression(
      kind: .unary(operation, operand), range: SourceRange(from: start, to: operand.range))
  }

  private mutating func parsePostfix() throws -> Expression {
    try restoringDepth { try $0.parsePostfixChain() }
  }

  private mutating func parsePostfixChain() throws -> Expression {
    var expression = try parsePrimary()
    while true {
      if current.isSymbol("(") || current.isSymbol(".") || current.isSymbol("[") {
        try deepen()
      }
      if current.isSymbol("(") {
        expression = try parseCall(of: expression)
        if expression.isSweepCall, current.isSymbol("{"),
          case .call(_, let arguments) = expression.kind
        {
          let body = try parseBlock(after: "sweep(…)")
          expression = Expression(
            kind: .sweep(arguments: arguments, body: body),
            range: SourceRange(from: expression.range, to: previousRange))
        }
      } else if current.isSymbol(".") {
        advance()
        guard case .identifier(let name) = current.kind else {
          throw fail(
            "expected a field name after `.`, found \(current.described)", at: current.range)
        }
        let nameRange = current.range
        advance()
        expression = Expression(
          kind: .field(expression, name: name, nameRange: nameRange),
          range: SourceRange(from: expression.range, to: nameRange))
      } else if current.isSymbol("[") {
        advance()
        let index = try parseExpression()
        let close = current.range
        try consume("]", "expected `]` after the index, found \(current.described)")
        expression = Expression(
          kind: .index(expression, index), range: SourceRange(from: expression.range, to: close))
      } else {
        return expression
      }
    }
  }

  private mutating func parseCall(of callee: Expression) throws -> Expression {
    let open = current.range
    advance()
    var arguments: [Argument] = []
    while !current.isSymbol(")") {
      var label: String?
      var labelRange: SourceRange?
      if case .identifier(let name) = current.kind, peekIsColon {
        label = name
        labelRange = current.range
        advance()
        advance()
      }
      let value = try parseExpression()
      arguments.append(Argument(label: label, labelRange: labelRange, value: value))
      guard current.isSymbol(",") else { break }
      advance()
    }
    let close = current.range
    try consume(
      ")", "expected `,` or `)` in the call, found \(current.described)",
      hint: "the call's `(` is at line \(open.start.line), column \(open.start.column)")
    return Expression(
      kind: .call(callee: callee, arguments: arguments),
      range: SourceRange(from: callee.range, to: close))
  }

  private var peekIsColon: Bool {
    var copy = self
    copy.advance()
    return copy.current.isSymbol(":")
  }

  private mutating func parsePrimary() throws -> Expression {
    let token = current
    switch token.kind {
    case .number(let value):
      advance()
      return Expression(kind: .number(value), range: token.range)
    case .string(let pieces):
      advance()
      return Expression(kind: .string(try parsePieces(pieces)), range: token.range)
    case .identifier(let name):
      advance()
      return Expression(kind: .variable(name), range: token.range)
    case .keyword(.true), .keyword(.false):
      advance()
      return Expression(kind: .bool(token.isKeyword(.true)), range: token.range)
    case .keyword(.none):
      advance()
      return Expression(kind: .none, range: token.range)
    case .symbol("("):
      advance()
      let inner = try parseExpression()
      try consume(
        ")",
        "expected `)` to close the `(` at line \(token.range.start.line), column "
          + "\(token.range.start.column), found \(current.described)")
      return Expression(kind: inner.kind, range: SourceRange(from: token.range, to: previousRange))
    case .symbol("["):
      advance()
      var elements: [Expression] = []
      while !current.isSymbol("]") {
        elements.append(try parseExpression())
        guard current.isSymbol(",") else { break }
        advance()
      }
      try consume(
        "]", "expected `,` or `]` in the list, found \(current.described)",
        hint: "the list's `[` is at line \(token.range.start.line), column "
          + "\(token.range.start.column)")
      return Expression(
        kind: .list(elements), range: SourceRange(from: token.range, to: previousRange))
    case .keyword(let keyword):
      throw fail(
        "`\(keyword.rawValue)` cannot start an expression", at: token.range,
        hint: keyword == .else
          ? "put `else` on the same line as the `}` before it: `} else {`"
          : "`\(keyword.rawValue)` is a reserved word, not a name")
    case .symbol("."):
      throw fail(
        "expected an expression, found `.`", at: token.range,
        hint: "write a number with a digit before the point: 0.5")
    default:
      throw fail("expected an expression, found \(token.described)", at: token.range)
    }
  }

  private mutating func parsePieces(_ pieces: [StringPiece]) throws -> [InterpolatedPiece] {
    try pieces.map { piece in
      switch piece {
      case .text(let text):
        return .text(text)
      case .interpolation(let tokens, let range):
        guard !tokens.isEmpty else {
          throw fail("empty `{}` in a string", at: range, hint: "write `\\{` for a brace")
        }
        let end = Token(kind: .end, range: SourceRange(start: range.end, end: range.end))
        var inner = Parser(tokens: tokens + [end], depth: currentDepth + 1)
        defer { diagnostics += inner.diagnostics }
        let expression = try inner.parseExpression()
        guard inner.current.kind == .end else {
          throw inner.fail(
            "expected `}` to end the interpolated expression, found \(inner.current.described)",
            at: inner.current.range)
        }
        return .expression(expression)
      }
    }
  }
}
