/// Runs statements and evaluates expressions in a session. Every mistake is thrown as a
/// `Diagnostic` located at the expression that caused it.
extension Session {
  /// The most characters a string may hold and the most elements a list may hold.
  static let maximumLength = 10_000_000
  /// How deeply lists may nest inside lists.
  static let maximumListNesting = 64

  func execute(_ statements: [Statement], atTopLevel: Bool) throws {
    for statement in statements {
      try execute(statement, atTopLevel: atTopLevel)
    }
  }

  private func execute(_ statement: Statement, atTopLevel: Bool) throws {
    switch statement.kind {
    case .expression(let expression):
      let value = try evaluate(expression)
      if atTopLevel, !isNone(value) {
        emit(echo(of: value))
        endsWithValue = true
      }
    case .assignment(let targets, let expression):
      let value = try evaluate(expression)
      try assign(value, to: targets, from: expression.range)
      if atTopLevel {
        for target in targets {
          emit(.text(target.name + ": " + (values[target.name]?.summary ?? "none")))
        }
      }
    case .forLoop(let name, let nameRange, let sequence, let body):
      let elements = try iterate(try evaluate(sequence), at: sequence.range)
      for element in elements {
        if cancellation.isCancelled {
          throw Diagnostic(range: statement.range, message: "interrupted")
        }
        try assign(element, to: [(name, nameRange)], from: sequence.range)
        try execute(body, atTopLevel: false)
        try checkMemory(after: "this loop", at: statement.range)
      }
    case .ifElse(let condition, let then, let otherwise):
      let chosen = try truth(of: condition, role: "the `if` condition") ? then : otherwise
      try execute(chosen, atTopLevel: false)
    case .expect(let condition, let message):
      try check(condition, message: message)
    }
  }

  /// What a statement's value shows: a bare built-in says how to call it (a bare `help` lists
  /// the built-ins, as `help()` does); anything else its own echo.
  private func echo(of value: Value) -> OutputPiece {
    guard case .function(let builtin) = value else { return value.echo }
    if builtin.name == "help" { return .text(Help.index(of: registry)) }
    return .text(
      "\(builtin.signature)\n  \(builtin.summary)\n"
        + "(a built-in function: call it with parentheses; help(\(builtin.name)) says more)")
  }

  private func isNone(_ value: Value) -> Bool {
    if case .none = value { true } else { false }
  }

  private func assign(
    _ value: Value, to targets: [(name: String, range: SourceRange)], from range: SourceRange
  ) throws {
    guard targets.count > 1 else {
      bind(targets[0].name, to: value)
      return
    }
    let elements = try iterate(value, at: range)
    guard elements.count == targets.count else {
      throw Diagnostic(
        range: range,
        message: "cannot take \(elements.count) values apart into \(targets.count) names",
        hint: "the names on the left and the values on the right must be as many")
    }
    for (target, element) in zip(targets, elements) { bind(target.name, to: element) }
  }

  /// Defines the variable `name`. A variable may take a built-in's name, as in Python: it hides
  /// the built-in for the rest of the session, and the first time it does, a note says so.
  private func bind(_ name: String, to value: Value) {
    if registry[name] != nil, values[name] == nil {
      emit(.text(Self.shadowingNote(for: name)))
    }
    define(name, as: value)
  }

  /// The note shown when a variable first hides the built-in `name`.
  static func shadowingNote(for name: String) -> String {
    "note: `\(name)` now names your variable; the built-in `\(name)` is hidden until :reset"
  }

  /// The elements of a list (or of an object with elements) that `for` and destructuring visit.
  private func iterate(_ value: Value, at range: SourceRange) throws -> [Value] {
    switch value {
    case .list(let elements):
      return elements
    case .host(let object):
      if let count = object.elementCount {
        return try (0..<count).map { index in
          try hostCall(at: range) { try object.element(at: index) }
        }
      }
    default: break
    }
    throw Diagnostic(
      range: range, message: "expected a list here, got \(value.typeDescription)",
      hint: "use range(n) for the numbers 0 to n - 1")
  }

  /// Evaluates `expression`, which must be `true` or `false`.
  func truth(of expression: Expression, role: String) throws -> Bool {
    let value = try evaluate(expression)
    guard case .bool(let bool) = value else {
      throw Diagnostic(
        range: expression.range,
        message: "expected true or false for \(role), got \(value.typeDescription)",
        hint: "compare it to make a bool, as in `x > 0`")
    }
    return bool
  }

  private func check(_ condition: Expression, message: Expression?) throws {
    var details = ""
    let holds: Bool
    if case .binary(let operation, let left, let right) = condition.kind, operation.isComparison {
      let leftValue = try evaluate(left)
      let rightValue = try evaluate(right)
      holds = try compare(operation, leftValue, rightValue, at: condition.range)
      details = ": left side is \(leftValue.summary), right side is \(rightValue.summary)"
    } else {
      holds = try truth(of: condition, role: "`expect`")
    }
    guard !holds else { return }
    let text = sourceText(of: condition.range)
    var headline = "expect failed: `\(text)`\(details)"
    if let message {
      headline = "expect failed: \(try evaluate(message).text) (`\(text)`\(details))"
    }
    throw Diagnostic(range: condition.range, message: headline)
  }

  private func sourceText(of range: SourceRange) -> String {
    let characters = Array(currentSource)
    let start = min(range.start.offset, characters.count)
    let end = min(max(start, range.end.offset), characters.count)
    return String(characters[start..<end])
  }

  /// Evaluates an expression to its value.
  func evaluate(_ expression: Expression) throws -> Value {
    switch expression.kind {
    case .number(let number): return .number(number)
    case .bool(let bool): return .bool(bool)
    case .none: return .none
    case .string(let pieces):
      var text = ""
      for piece in pieces {
        switch piece {
        case .text(let literal): text += literal
        case .expression(let inner): text += try evaluate(inner).text
        }
        try checkLength(text.count, at: expression.range)
      }
      return .string(text)
    case .list(let elements):
      let list = try elements.map(evaluate)
      try checkNesting(of: list, at: expression.range)
      return .list(list)
    case .variable(let name):
      return try lookUp(name, at: expression.range)
    case .unary(let operation, let operand):
      return try apply(operation, try evaluate(operand), at: expression.range)
    case .binary(.and, let left, let right):
      return .bool(try truth(of: left, role: "`and`") && truth(of: right, role: "`and`"))
    case .binary(.or, let left, let right):
      return .bool(try truth(of: left, role: "`or`") || truth(of: right, role: "`or`"))
    case .binary(let operation, let left, let right):
      let leftValue = try evaluate(left)
      let rightValue = try evaluate(right)
      return try apply(operation, leftValue, rightValue, at: expression.range)
    case .call(let callee, let arguments):
      return try call(callee, arguments, at: expression.range)
    case .field(let object, let name, let nameRange):
      return try field(name, of: try evaluate(object), at: nameRange)
    case .index(let collection, let index):
      return try element(of: try evaluate(collection), at: try evaluate(index), range: index.range)
    case .sweep(let arguments, let body):
      return try sweep(arguments, body: body, at: expression.range)
    }
  }

  private func lookUp(_ name: String, at range: SourceRange) throws -> Value {
    if let value = values[name] { return value }
    if let builtin = registry[name] { return .function(builtin) }
    let known = definitionOrder + registry.names + ["true", "false", "none"]
    throw Diagnostic(
      range: range, message: "unknown name `\(name)`" + suggestion(for: name, among: known),
      hint: "define it first with `\(name) = …`, or write text in quotes: \"\(name)\"")
  }

  func checkLength(_ length: Int, at range: SourceRange) throws {
    guard length <= Self.maximumLength else {
      throw Diagnostic(
        range: range, message: "this would hold more than \(Self.maximumLength) elements")
    }
  }

  /// Fails if `elements` holds lists nested deeper than `maximumListNesting`.
  func checkNesting(of elements: [Value], at range: SourceRange) throws {
    func depth(_ values: [Value], limit: Int) -> Int {
      var deepest = 1
      for case .list(let inner) in values {
        deepest = max(deepest, 1 + depth(inner, limit: limit - 1))
        if deepest > limit || limit <= 0 { return deepest }
      }
      return deepest
    }
    guard depth(elements, limit: Self.maximumListNesting) <= Self.maximumListNesting else {
      throw Diagnostic(
        range: range, message: "lists nest more than \(Self.maximumListNesting) levels deep here")
    }
  }
}
