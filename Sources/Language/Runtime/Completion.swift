/// What the prompt needs beyond running cells: whether input is finished, and completions.
extension Session {
  /// Whether `source` is a finished cell, or needs a continuation line because a bracket or
  /// brace is open or the last line ends with an operator, `,`, `=` or `.`. Input with mistakes
  /// counts as finished, so that its diagnostics show.
  public static func isComplete(_ source: String) -> Bool {
    var lexer = Lexer(source)
    let tokens = lexer.tokenize()
    guard lexer.diagnostics.isEmpty else { return true }
    var depth = 0
    for token in tokens {
      switch token.kind {
      case .symbol("("), .symbol("["), .symbol("{"): depth += 1
      case .symbol(")"), .symbol("]"), .symbol("}"): depth -= 1
      default: break
      }
    }
    if depth > 0 { return false }
    let significant = tokens.filter { $0.kind != .newline && $0.kind != .end }
    guard let last = significant.last, !isInsideString(source) else { return true }
    let continuing = [
      "+", "-", "*", "/", "%", "**", "==", "!=", "<", "<=", ">", ">=", ",", "=", ".",
    ]
    if case .symbol(let spelling) = last.kind, continuing.contains(spelling) { return false }
    return !(last.isKeyword(.and) || last.isKeyword(.or) || last.isKeyword(.not))
  }

  /// Whether the end of `text` is inside a string literal (outside any `{…}` interpolation),
  /// where the prompt completes file names instead of names.
  public static func isInsideString(_ text: String) -> Bool {
    // Each entry is an open string (nil) or an open interpolation with its brace depth.
    var stack: [Int?] = []
    var escaped = false
    var inComment = false
    for character in text {
      if inComment {
        if character == "\n" { inComment = false }
        continue
      }
      guard let top = stack.last else {
        if character == "\"" { stack.append(nil) } else if character == "#" { inComment = true }
        continue
      }
      if let braces = top {
        switch character {
        case "\"": stack.append(nil)
        case "{": stack[stack.count - 1] = braces + 1
        case "}" where braces == 0: stack.removeLast()
        case "}": stack[stack.count - 1] = braces - 1
        default: break
        }
      } else if escaped {
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == "\"" || character == "\n" {
        stack.removeLast()
      } else if character == "{" {
        stack.append(0)
      }
    }
    return stack.last.map { $0 == nil } ?? false
  }

  /// Words that complete the end of `text` (the input up to the cursor): field names after a
  /// `.`; otherwise variables, built-ins and keywords, and inside a call's parentheses that
  /// call's argument labels written as `label:`. Each candidate is a whole word that starts
  /// with the partial word at the end of `text`; none inside a string.
  public func completions(for text: String) -> [String] {
    guard !Self.isInsideString(text) else { return [] }
    let characters = Array(text)
    var start = characters.count
    while start > 0,
      characters[start - 1].isLetter || characters[start - 1].isNumber
        || characters[start - 1] == "_"
    {
      start -= 1
    }
    let prefix = String(characters[start...])
    let candidates: [String]
    if start > 0, characters[start - 1] == "." {
      candidates = fieldNames(before: String(characters[..<(start - 1)]))
    } else {
      let labels =
        openCall(in: String(characters[..<start])).map { builtin in
          builtin.parameters.filter { !$0.isVariadic }.map { $0.label + ":" }
        } ?? []
      candidates = labels + definitionOrder + registry.names + Keyword.allCases.map(\.rawValue)
    }
    var seen = Set<String>()
    return candidates.filter { $0.hasPrefix(prefix) && $0 != prefix && seen.insert($0).inserted }
  }

  /// What `help(name)` would print about `name` now: the variable it names (and the built-in it
  /// hides), or the built-in's page; nil when it names neither. Inspecting a name in Jupyter
  /// shows it.
  public func help(about name: String) -> String? {
    switch (values[name], registry[name]) {
    case (let value?, let builtin?): Help.variable(name, holding: value, hiding: builtin)
    case (let value?, nil): Help.describe(value)
    case (nil, let builtin?): Help.page(for: builtin)
    case (nil, nil): nil
    }
  }

  /// The fields of the value that `a.b.c` names at the end of `text`, if it names one.
  private func fieldNames(before text: String) -> [String] {
    var path: [String] = []
    var characters = Array(text)
    while true {
      var start = characters.count
      while start > 0,
        characters[start - 1].isLetter || characters[start - 1].isNumber
          || characters[start - 1] == "_"
      {
        start -= 1
      }
      guard start < characters.count else { return [] }
      path.insert(String(characters[start...]), at: 0)
      guard start > 0, characters[start - 1] == "." else { break }
      characters = Array(characters[..<(start - 1)])
    }
    guard var value = values[path[0]] else { return [] }
    for name in path.dropFirst() {
      guard case .host(let object) = value, let next = try? object.field(named: name) else {
        return []
      }
      value = next
    }
    guard case .host(let object) = value else { return [] }
    return object.fieldNames
  }

  /// The built-in whose call's `(` is still open at the end of `text`.
  private func openCall(in text: String) -> Builtin? {
    var lexer = Lexer(text)
    let tokens = lexer.tokenize()
    var open: [String?] = []
    for (index, token) in tokens.enumerated() {
      switch token.kind {
      case .symbol("("), .symbol("["), .symbol("{"):
        var callee: String?
        if token.isSymbol("("), index > 0, case .identifier(let name) = tokens[index - 1].kind {
          callee = name
        }
        open.append(callee)
      case .symbol(")"), .symbol("]"), .symbol("}"):
        if !open.isEmpty { open.removeLast() }
      default: break
      }
    }
    guard let name = open.last ?? nil, values[name] == nil else { return nil }
    return registry[name]
  }
}
