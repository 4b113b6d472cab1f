/// A value of the language.
public enum Value {
  case number(Double)
  case string(String)
  case bool(Bool)
  case none
  case list([Value])
  /// A built-in function used as a value: `help(fit)`, `activation: relu`.
  case function(Builtin)
  /// An object of another library, through its wrapper.
  case host(any HostObject)

  /// Lists longer than this print their first and last elements only.
  static let listPreviewLength = 12

  /// The value's type as a learner sees it: `number`, `string`, `list`, `dataset`, …
  public var typeName: String {
    switch self {
    case .number: "number"
    case .string: "string"
    case .bool: "bool"
    case .none: "none"
    case .list: "list"
    case .function: "function"
    case .host(let object): object.typeName
    }
  }

  /// The type name with its article, for messages: `a number`, `an optimizer`, `none`.
  public var typeDescription: String {
    if case .none = self { return "none" }
    return withArticle(typeName)
  }

  /// How `print` and string interpolation show the value: strings without quotes, everything
  /// else as `summary`.
  public var text: String {
    if case .string(let string) = self { return string }
    return summary
  }

  /// One line describing the value: numbers by `NumberFormat`, strings in quotes, lists in
  /// brackets (long ones shortened), objects by their summary.
  public var summary: String { summary(depth: 0) }

  private func summary(depth: Int) -> String {
    switch self {
    case .number(let number): return NumberFormat.format(number)
    case .string(let string): return quoted(string)
    case .bool(let bool): return bool ? "true" : "false"
    case .none: return "none"
    case .function(let builtin): return "built-in function \(builtin.name)"
    case .host(let object): return object.summary
    case .list(let elements):
      guard depth < 8 else { return "[…]" }
      let shown =
        elements.count <= Self.listPreviewLength
        ? elements.map { $0.summary(depth: depth + 1) }
        : elements.prefix(Self.listPreviewLength - 2).map { $0.summary(depth: depth + 1) }
          + ["…", elements[elements.count - 1].summary(depth: depth + 1)]
      let count = elements.count <= Self.listPreviewLength ? "" : " (\(elements.count) items)"
      return "[" + shown.joined(separator: ", ") + "]" + count
    }
  }

  /// What the prompt shows for a bare expression: an object's multi-line display, otherwise the
  /// summary.
  public var display: String {
    if case .host(let object) = self { return object.display }
    return summary
  }

  /// The output piece echoing the value of a bare expression: an object's `echo`, otherwise
  /// the summary as text.
  public var echo: OutputPiece {
    if case .host(let object) = self { return object.echo }
    return .text(summary)
  }
}

/// `name` with `a` or `an` before it.
func withArticle(_ name: String) -> String {
  let vowel = name.first.map { "aeiou".contains($0) } ?? false
  // An abbreviation read letter by letter, such as `lr` in `lr_find`, may start with a vowel
  // sound: "an lr_find result".
  let abbreviation = name.prefix { $0.isLetter }
  let spelled =
    name.dropFirst(abbreviation.count).first == "_" && abbreviation.count <= 3
    && !abbreviation.contains { "aeiouy".contains($0) }
    && abbreviation.first.map { "fhlmnrsx".contains($0) } == true
  return (vowel || spelled ? "an " : "a ") + name
}

/// `string` in double quotes with quotes, backslashes, braces and control characters escaped, as
/// it would be written in source.
func quoted(_ string: String) -> String {
  var result = "\""
  for character in string {
    switch character {
    case "\"": result += "\\\""
    case "\\": result += "\\\\"
    case "{": result += "\\{"
    case "}": result += "\\}"
    case "\n": result += "\\n"
    case "\t": result += "\\t"
    default: result.append(character)
    }
  }
  return result + "\""
}

extension Value {
  /// Whether two values are equal: numbers, strings, bools and lists by content, functions by
  /// name, objects by identity; values of different types are never equal. Returns nil when
  /// lists nest too deeply to compare.
  func isEqual(to other: Value, depth: Int = 0) -> Bool? {
    switch (self, other) {
    case (.number(let left), .number(let right)): return left == right
    case (.string(let left), .string(let right)): return left == right
    case (.bool(let left), .bool(let right)): return left == right
    case (.none, .none): return true
    case (.function(let left), .function(let right)): return left.name == right.name
    case (.host(let left), .host(let right)): return left === right
    case (.list(let left), .list(let right)):
      guard left.count == right.count else { return false }
      guard depth < 64 else { return nil }
      for (leftElement, rightElement) in zip(left, right) {
        guard let equal = leftElement.isEqual(to: rightElement, depth: depth + 1) else {
          return nil
        }
        if !equal { return false }
      }
      return true
    default: return false
    }
  }
}
