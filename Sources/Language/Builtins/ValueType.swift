/// What a built-in's parameter accepts, and how to name it in a message ("expected a number for
/// `lr`, got a string").
public struct ValueType {
  /// The answer of a type to a value.
  public enum Verdict {
    /// The value fits.
    case accepted
    /// The value is of the wrong type: the generic "expected … got …" message follows.
    case wrongType
    /// The value has the right type but is not allowed, for this reason.
    case rejected(message: String, hint: String?)
    /// The value is a list whose element at `index` (counted from 0) is of the wrong type; the
    /// message names the element's type, with `hint` when one helps.
    case wrongElement(index: Int, value: Value, hint: String?)
  }

  /// The type as a message names it: `a number`, `a list of numbers`, `relu, tanh or sigmoid`.
  public var name: String
  /// Judges one value.
  public var check: (Value) -> Verdict

  /// A type named `name` that accepts the values `accepts` says yes to.
  public init(name: String, accepts: @escaping (Value) -> Bool) {
    self.name = name
    self.check = { accepts($0) ? .accepted : .wrongType }
  }

  /// A type named `name` with a full verdict for each value.
  public init(name: String, check: @escaping (Value) -> Verdict) {
    self.name = name
    self.check = check
  }

  /// Any value at all.
  public static var any: ValueType { ValueType(name: "a value") { _ in true } }

  /// A number a built-in can hand to the library: finite and within the range of a 32-bit
  /// float (±3.4028235e38), the precision training computes in. Every number argument enters
  /// the library through this check, so `sgd(lr: 1e39)` is refused here rather than turning
  /// into infinity.
  public static var number: ValueType {
    ValueType(name: "a number") { value in
      guard case .number(let number) = value else { return .wrongType }
      let range = "give a finite number from -3.4e38 to 3.4e38"
      guard number.isFinite else {
        return .rejected(message: "expected a finite number, got \(number.summary)", hint: range)
      }
      guard abs(number) <= Double(Float.greatestFiniteMagnitude) else {
        return .rejected(
          message: "\(number.summary) is out of range: trainbook computes in 32-bit floats, "
            + "which reach only ±3.4e38",
          hint: range)
      }
      return .accepted
    }
  }

  /// Any number, infinity and nan included, for arithmetic done in the language's own 64-bit
  /// numbers (`exp`, `min`, `round`, …) rather than handed to the library.
  public static var anyNumber: ValueType {
    ValueType(name: "a number") { if case .number = $0 { true } else { false } }
  }

  /// A whole number (within ±2⁵³, so it converts to `Int` exactly).
  public static var integer: ValueType {
    ValueType(name: "a whole number") { value in
      guard case .number(let number) = value else { return .wrongType }
      let whole = Int(exactly: number) != nil && abs(number) <= 9_007_199_254_740_992
      return whole ? .accepted : .wrongType
    }
  }

  /// A string.
  public static var string: ValueType {
    ValueType(name: "a string") { if case .string = $0 { true } else { false } }
  }

  /// `true` or `false`.
  public static var bool: ValueType {
    ValueType(name: "true or false") { if case .bool = $0 { true } else { false } }
  }

  /// A list of any values.
  public static var list: ValueType {
    ValueType(name: "a list") { if case .list = $0 { true } else { false } }
  }

  /// A built-in function.
  public static var function: ValueType {
    ValueType(name: "a function") { if case .function = $0 { true } else { false } }
  }

  /// A host object whose `typeName` is `typeName`.
  public static func host(_ typeName: String) -> ValueType {
    ValueType(name: withArticle(typeName)) { value in
      if case .host(let object) = value { object.typeName == typeName } else { false }
    }
  }

  /// A list whose every element is of `element`'s type. `hint` may say where an element of the
  /// wrong type belongs instead (a schedule in `callbacks:` goes in `schedule:`).
  public static func list(
    of element: ValueType, hint: @escaping (Value) -> String? = { _ in nil }
  ) -> ValueType {
    ValueType(name: "a list of " + plural(of: element.name)) { value in
      guard case .list(let elements) = value else { return .wrongType }
      for (index, item) in elements.enumerated() {
        switch element.check(item) {
        case .accepted: continue
        case .wrongType, .wrongElement:
          return .wrongElement(index: index, value: item, hint: hint(item))
        case let verdict: return verdict
        }
      }
      return .accepted
    }
  }

  /// Values of any of `types`. A name that another one only details is left out: a loss and a
  /// loss's name read "a loss (mse, mae, …)", not "a loss or a loss (mse, mae, …)".
  public static func either(_ types: ValueType...) -> ValueType { either(types) }

  /// Values of any of `types` (see the variadic form).
  public static func either(_ types: [ValueType]) -> ValueType {
    let all = types.map(\.name)
    let names = all.filter { name in !all.contains { $0.hasPrefix(name + " (") } }
    let name =
      names.count < 2
      ? names.joined() : names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
    return ValueType(name: name) { value in
      var verdict = Verdict.wrongType
      for type in types {
        let answer = type.check(value)
        if case .accepted = answer { return .accepted }
        if case .rejected = answer { verdict = answer }
        if case .wrongElement = answer { verdict = answer }
      }
      return verdict
    }
  }

  /// `none` (to combine with `either` for optional arguments).
  public static var none: ValueType {
    ValueType(name: "none") { if case .none = $0 { true } else { false } }
  }

  /// One of the strings `options`, or a built-in function with one of those names (so both
  /// `activation: "relu"` and `activation: relu` work). `what` names the choice in messages:
  /// "unknown activation `rleu`; did you mean `relu`?".
  public static func choice(_ what: String, _ options: [String]) -> ValueType {
    ValueType(name: withArticle(what) + " (" + options.joined(separator: ", ") + ")") { value in
      let name: String
      switch value {
      case .string(let string): name = string
      case .function(let builtin): name = builtin.name
      default: return .wrongType
      }
      guard !options.contains(name) else { return .accepted }
      return .rejected(
        message: "unknown \(what) `\(name)`" + suggestion(for: name, among: options),
        hint: "the \(what)s are " + options.map { "`\($0)`" }.joined(separator: ", "))
    }
  }

  /// The plural of a type's name without its article: `a whole number` becomes `whole
  /// numbers`, `a metric (accuracy, …)` becomes `metrics (accuracy, …)`, `a list of numbers`
  /// becomes `lists of numbers`, and `a number or a string` becomes `numbers or strings`.
  static func plural(of name: String) -> String {
    var result = ""
    var depth = 0
    var alternative = ""
    func flush() {
      var noun = alternative
      if let article = ["a ", "an "].first(where: { noun.hasPrefix($0) }) {
        noun.removeFirst(article.count)
        let head = [" (", " of "].compactMap { noun.range(of: $0)?.lowerBound }.min()
        noun.insert("s", at: head ?? noun.endIndex)
      }
      result += noun
      alternative = ""
    }
    var characters = Substring(name)
    while let character = characters.first {
      if depth == 0, let separator = [", ", " or "].first(where: { characters.hasPrefix($0) }) {
        flush()
        result += separator
        characters = characters.dropFirst(separator.count)
        continue
      }
      if character == "(" { depth += 1 }
      if character == ")" { depth -= 1 }
      alternative.append(character)
      characters = characters.dropFirst()
    }
    flush()
    return result
  }
}
