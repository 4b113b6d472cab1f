/// Calling built-ins: matching arguments to parameters, checking their types, and turning the
/// errors a built-in throws into located diagnostics.
extension Session {
  /// One evaluated argument of a call, with where it was written.
  struct PassedArgument {
    var label: String?
    var labelRange: SourceRange?
    var value: Value
    var range: SourceRange
    /// The variable's name when the argument is written as a bare name, as in `help(step)`.
    var writtenName: String?
  }

  func call(_ callee: Expression, _ arguments: [Argument], at range: SourceRange) throws -> Value {
    let function = try evaluate(callee)
    guard case .function(let builtin) = function else {
      var hint = "only functions are called with `(…)`; type help() to list them"
      if let name = callee.variableName, registry[name] != nil {
        hint = "`\(name)` names your variable, which hides the built-in `\(name)` until :reset"
      }
      throw Diagnostic(
        range: callee.range, message: "\(function.typeDescription) cannot be called", hint: hint)
    }
    guard builtin.name != "sweep" else {
      // Its arguments are axes of any name, which no declaration can list.
      let error = Builtin.sweepWithoutBlock
      throw Diagnostic(range: range, message: error.message, hint: error.hint)
    }
    let passed = try arguments.map { argument in
      PassedArgument(
        label: argument.label, labelRange: argument.labelRange,
        value: try evaluate(argument.value), range: argument.value.range,
        writtenName: argument.value.variableName)
    }
    if cancellation.isCancelled { throw Diagnostic(range: range, message: "interrupted") }
    let checked = try bind(passed, to: builtin, callRange: range)
    let context = CallContext(session: self, name: builtin.name)
    do {
      let result = try builtin.implementation(checked, context)
      try checkMemory(after: "`\(builtin.name)(…)`", at: range)
      return result
    } catch let diagnostic as Diagnostic {
      throw diagnostic
    } catch _ where cancellation.isCancelled {
      throw Diagnostic(range: range, message: "interrupted")
    } catch let error as CallError {
      let place = error.argument.flatMap { checked.range(of: $0) } ?? range
      throw Diagnostic(range: place, message: error.message, hint: error.hint)
    } catch is Interrupted {
      throw Diagnostic(range: range, message: "interrupted")
    } catch {
      throw Diagnostic(range: range, message: plainDescription(of: error))
    }
  }

  /// Runs host code (a field, an element), turning what it throws into a diagnostic at `range`.
  func hostCall<Result>(at range: SourceRange, _ body: () throws -> Result) throws -> Result {
    do {
      return try body()
    } catch let error as CallError {
      throw Diagnostic(range: range, message: error.message, hint: error.hint)
    } catch let diagnostic as Diagnostic {
      throw diagnostic
    } catch {
      throw Diagnostic(range: range, message: plainDescription(of: error))
    }
  }

  /// Matches arguments to `builtin`'s parameters: positional ones in order (the rest into a
  /// variadic parameter), labelled ones by label; then fills defaults and checks every type.
  func bind(
    _ passed: [PassedArgument], to builtin: Builtin, callRange: SourceRange
  ) throws -> Arguments {
    let parameters = builtin.parameters
    let labels = parameters.map(\.label)
    var values: [String: Value] = [:]
    var ranges: [String: SourceRange] = [:]
    var names: [String: String] = [:]
    var variadic: [Value] = []
    var nextPositional = 0
    var sawLabel = false
    for argument in passed {
      if let label = argument.label {
        sawLabel = true
        let labelRange = argument.labelRange ?? argument.range
        guard let parameter = parameters.first(where: { $0.label == label }) else {
          let listing =
            labels.isEmpty
            ? "`\(builtin.name)` takes no arguments"
            : "its arguments are " + labels.map { "`\($0)`" }.joined(separator: ", ")
          throw Diagnostic(
            range: labelRange,
            message: "`\(builtin.name)` has no argument `\(label)`"
              + suggestion(for: label, among: labels),
            hint: optimizerSettingHint(label, value: argument.value, labels: labels) ?? listing)
        }
        guard !parameter.isVariadic else {
          throw Diagnostic(
            range: labelRange, message: "`\(label)` takes its values without a label",
            hint: builtin.signature)
        }
        guard values[label] == nil else {
          throw Diagnostic(range: labelRange, message: "the argument `\(label)` is given twice")
        }
        try check(argument.value, for: parameter, of: builtin, at: argument.range)
        let given = SourceRange(from: labelRange, to: argument.range)
        try checkRange(argument.value, for: parameter, at: given)
        values[label] = argument.value
        names[label] = argument.writtenName
        ranges[label] = given
        continue
      }
      guard !sawLabel else {
        throw Diagnostic(
          range: argument.range,
          message: "an argument without a label cannot follow a labelled one",
          hint: "put the arguments without labels first: \(builtin.signature)")
      }
      while nextPositional < parameters.count, !parameters[nextPositional].isVariadic,
        values[parameters[nextPositional].label] != nil
      {
        nextPositional += 1
      }
      guard nextPositional < parameters.count else {
        let takes = parameters.isEmpty ? "no arguments" : "at most \(parameters.count)"
        throw Diagnostic(
          range: argument.range,
          message: "too many arguments: `\(builtin.name)` takes \(takes)",
          hint: builtin.signature)
      }
      let parameter = parameters[nextPositional]
      try check(argument.value, for: parameter, of: builtin, at: argument.range)
      try checkRange(argument.value, for: parameter, at: argument.range)
      if parameter.isVariadic {
        variadic.append(argument.value)
        ranges[parameter.label] =
          ranges[parameter.label].map {
            SourceRange(from: $0, to: argument.range)
          } ?? argument.range
      } else {
        values[parameter.label] = argument.value
        names[parameter.label] = argument.writtenName
        ranges[parameter.label] = argument.range
        nextPositional += 1
      }
    }
    for parameter in parameters where values[parameter.label] == nil {
      if parameter.isVariadic {
        values[parameter.label] = .list(variadic)
      } else if let defaultValue = parameter.defaultValue {
        values[parameter.label] = defaultValue
      } else {
        throw Diagnostic(
          range: callRange,
          message: "`\(builtin.name)` is missing the argument `\(parameter.label)` "
            + "(\(asClause(parameter.doc)))",
          hint: builtin.signature)
      }
    }
    for parameter in parameters where parameter.namesACall {
      guard let value = values[parameter.label] else { continue }
      let named: Builtin? =
        switch value {
        case .function(let builtin): builtin
        case .string(let name): registry[name]
        default: nil
        }
      guard let named else { continue }
      values[parameter.label] = try callWithDefaults(
        named, at: ranges[parameter.label] ?? callRange)
    }
    return Arguments(
      values: values, givenRanges: ranges, writtenNames: names, callRange: callRange,
      builtin: builtin)
  }

  private func check(
    _ value: Value, for parameter: BuiltinParameter, of builtin: Builtin, at range: SourceRange
  ) throws {
    switch parameter.type.check(value) {
    case .accepted:
      return
    case .wrongType:
      throw Diagnostic(
        range: range,
        message: "expected \(parameter.type.name) for `\(parameter.label)`, got "
          + described(value),
        hint: "`\(parameter.label)`: \(parameter.doc)")
    case .rejected(let message, let hint):
      throw Diagnostic(
        range: range, message: message,
        hint: hint ?? "`\(parameter.label)`: \(parameter.doc)")
    case .wrongElement(let index, let element, let hint):
      throw Diagnostic(
        range: range,
        message: "expected \(parameter.type.name) for `\(parameter.label)`, but element \(index) "
          + "is \(described(element))",
        hint: hint ?? "`\(parameter.label)`: \(parameter.doc)")
    }
  }

  /// Calls `builtin` with every parameter at its default, as `loss: bce` or `optimizer: adam`
  /// mean `bce()` and `adam()`; a built-in that needs an argument is refused at `range`.
  private func callWithDefaults(_ builtin: Builtin, at range: SourceRange) throws -> Value {
    var values: [String: Value] = [:]
    for parameter in builtin.parameters {
      guard let value = parameter.defaultValue else {
        throw Diagnostic(
          range: range,
          message: "`\(builtin.name)` needs its `\(parameter.label)`; call it as "
            + builtin.signature)
      }
      values[parameter.label] = value
    }
    let arguments = Arguments(
      values: values, givenRanges: [:], writtenBare: true, callRange: range, builtin: builtin)
    do {
      return try builtin.implementation(arguments, CallContext(session: self))
    } catch let error as CallError {
      throw Diagnostic(range: range, message: error.message, hint: error.hint)
    }
  }

  /// Refuses a number (or a list's number) outside the parameter's valid range.
  private func checkRange(
    _ value: Value, for parameter: BuiltinParameter, at range: SourceRange
  ) throws {
    guard let validRange = parameter.validRange else { return }
    let numbers: [Double]
    switch value {
    case .number(let number): numbers = [number]
    case .list(let items):
      numbers = items.compactMap { if case .number(let number) = $0 { number } else { nil } }
    default: numbers = []
    }
    guard let refused = numbers.first(where: { !validRange.contains($0) }) else { return }
    let subject = parameter.subject ?? "`\(parameter.label)`"
    throw Diagnostic(
      range: range,
      message: "\(subject) \(validRange.refusal), got \(Value.number(refused).summary)",
      hint: validRange.hint)
  }

  /// A one-sentence doc as a clause inside a message: "The model." becomes "the model".
  private func asClause(_ doc: String) -> String {
    let trimmed = doc.hasSuffix(".") ? doc.dropLast() : Substring(doc)
    return trimmed.prefix(1).lowercased() + trimmed.dropFirst()
  }

  /// A value as the end of a type mismatch message: numbers and bools by value, others by type.
  private func described(_ value: Value) -> String {
    switch value {
    case .number, .bool: value.summary
    default: value.typeDescription
    }
  }
}
