#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The operators, indexing and field access.
extension Session {
  func apply(_ operation: UnaryOperator, _ operand: Value, at range: SourceRange) throws -> Value {
    switch (operation, operand) {
    case (.negate, .number(let number)): return .number(-number)
    case (.not, .bool(let bool)): return .bool(!bool)
    case (.negate, _):
      throw Diagnostic(range: range, message: "cannot negate \(operand.typeDescription)")
    case (.not, _):
      throw Diagnostic(
        range: range, message: "`not` needs true or false, got \(operand.typeDescription)")
    }
  }

  func apply(
    _ operation: BinaryOperator, _ left: Value, _ right: Value, at range: SourceRange
  ) throws -> Value {
    if operation.isComparison { return .bool(try compare(operation, left, right, at: range)) }
    switch (left, right) {
    case (.number(let a), .number(let b)):
      return .number(try arithmetic(operation, a, b, at: range))
    case (.string(let a), .string(let b)) where operation == .add:
      try checkLength(a.count + b.count, at: range)
      return .string(a + b)
    case (.list(let a), .list(let b)) where operation == .add:
      try checkLength(a.count + b.count, at: range)
      try checkNesting(of: a + b, at: range)
      return .list(a + b)
    default:
      let hint: String? =
        switch (left, right) {
        case (.string, _), (_, .string):
          "to put a value into text, write it inside a string: \"loss {x}\""
        default: nil
        }
      throw Diagnostic(
        range: range,
        message: "cannot use `\(operation.rawValue)` on \(left.typeDescription) and "
          + right.typeDescription,
        hint: hint)
    }
  }

  private func arithmetic(
    _ operation: BinaryOperator, _ a: Double, _ b: Double, at range: SourceRange
  ) throws -> Double {
    switch operation {
    case .add: return a + b
    case .subtract: return a - b
    case .multiply: return a * b
    case .divide, .remainder:
      guard b != 0 else { throw Diagnostic(range: range, message: "division by zero") }
      return operation == .divide ? a / b : a.truncatingRemainder(dividingBy: b)
    case .power: return pow(a, b)
    default: preconditionFailure("`\(operation.rawValue)` is not arithmetic")
    }
  }

  /// Applies a comparison: `==` and `!=` to any values, the orderings to two numbers or two
  /// strings.
  func compare(
    _ operation: BinaryOperator, _ left: Value, _ right: Value, at range: SourceRange
  ) throws -> Bool {
    if operation == .equal || operation == .notEqual {
      guard let equal = left.isEqual(to: right) else {
        throw Diagnostic(range: range, message: "these lists nest too deeply to compare")
      }
      return equal == (operation == .equal)
    }
    let order: Int
    switch (left, right) {
    case (.number(let a), .number(let b)): order = a < b ? -1 : (a > b ? 1 : (a == b ? 0 : 2))
    case (.string(let a), .string(let b)): order = a < b ? -1 : (a > b ? 1 : 0)
    default:
      throw Diagnostic(
        range: range,
        message: "cannot compare \(left.typeDescription) with \(right.typeDescription) using "
          + "`\(operation.rawValue)`")
    }
    switch operation {
    case .less: return order == -1
    case .lessOrEqual: return order == -1 || order == 0
    case .greater: return order == 1
    default: return order == 1 || order == 0
    }
  }

  /// `collection[index]` for lists, strings and objects with elements; negative indices count
  /// from the end.
  func element(of collection: Value, at index: Value, range: SourceRange) throws -> Value {
    let count: Int
    switch collection {
    case .list(let elements): count = elements.count
    case .string(let string): count = string.count
    case .host(let object) where object.elementCount != nil: count = object.elementCount ?? 0
    case .host(let object) where !object.fieldNames.isEmpty:
      let fields = object.fieldNames
      let lists = fields.filter { name in
        if case .list = (try? object.field(named: name)) ?? .none { true } else { false }
      }
      let example = (lists.contains("loss") ? "loss" : lists.first).map { ", e.g. `.\($0)[0]`" }
      throw Diagnostic(
        range: range, message: "cannot index \(collection.typeDescription)",
        hint: "it has fields, not elements: " + fields.map { "`.\($0)`" }.joined(separator: ", ")
          + (lists.count == fields.count ? "; each is a list to index" + (example ?? "") : ""))
    default:
      throw Diagnostic(range: range, message: "cannot index \(collection.typeDescription)")
    }
    guard case .number(let number) = index, let position = Int(exactly: number) else {
      throw Diagnostic(
        range: range, message: "an index must be a whole number, got \(index.summary)")
    }
    let resolved = position < 0 ? count + position : position
    guard resolved >= 0, resolved < count else {
      let valid = count == 0 ? "it is empty" : "valid indices are 0 to \(count - 1)"
      throw Diagnostic(
        range: range,
        message: "index \(position) is out of range for \(collection.typeDescription) of "
          + "\(count) \(count == 1 ? "element" : "elements"); \(valid)")
    }
    switch collection {
    case .list(let elements): return elements[resolved]
    case .string(let string):
      return .string(String(string[string.index(string.startIndex, offsetBy: resolved)]))
    case .host(let object): return try hostCall(at: range) { try object.element(at: resolved) }
    default: return .none
    }
  }

  /// `object.name`, with a suggestion when the object has no such field.
  func field(_ name: String, of object: Value, at range: SourceRange) throws -> Value {
    guard case .host(let host) = object else {
      throw Diagnostic(
        range: range, message: "\(object.typeDescription) has no fields",
        hint: object.typeName == "list" || object.typeName == "string"
          ? "use len(x) for its length and x[0] for its first element" : nil)
    }
    if let value = try hostCall(at: range, { try host.field(named: name) }) { return value }
    let names = host.fieldNames
    let listing =
      names.isEmpty
      ? "it has no fields" : "its fields are " + names.map { "`\($0)`" }.joined(separator: ", ")
    throw Diagnostic(
      range: range,
      message: "no field `\(name)` on \(withArticle(host.typeName))"
        + suggestion(for: name, among: names),
      hint: listing)
  }
}
