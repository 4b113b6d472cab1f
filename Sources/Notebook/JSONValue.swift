import Learning

/// A JSON value whose objects keep their keys in the order given, written the way Jupyter
/// writes notebooks (one-space indent), so exports are stable and diff well.
indirect enum JSONValue: Equatable {
  case string(String)
  case integer(Int)
  case bool(Bool)
  case null
  case array([JSONValue])
  case object([(String, JSONValue)])

  static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    lhs.text() == rhs.text()
  }

  /// The value as JSON text, indented by one space a level.
  func text(indent: Int = 0) -> String {
    let inner = String(repeating: " ", count: indent + 1)
    let outer = String(repeating: " ", count: indent)
    switch self {
    case .string(let string): return jsonQuoted(string)
    case .integer(let number): return String(number)
    case .bool(let flag): return flag ? "true" : "false"
    case .null: return "null"
    case .array(let items):
      if items.isEmpty { return "[]" }
      let body = items.map { inner + $0.text(indent: indent + 1) }
      return "[\n" + body.joined(separator: ",\n") + "\n\(outer)]"
    case .object(let members):
      if members.isEmpty { return "{}" }
      let body = members.map { inner + jsonQuoted($0.0) + ": " + $0.1.text(indent: indent + 1) }
      return "{\n" + body.joined(separator: ",\n") + "\n\(outer)}"
    }
  }

  /// Multi-line text as Jupyter stores it: a list of lines, each but the last ending in `\n`.
  static func lines(_ text: String) -> JSONValue {
    guard !text.isEmpty else { return .array([]) }
    let parts = text.split(separator: "\n", omittingEmptySubsequences: false)
    return .array(
      parts.enumerated().compactMap { index, part in
        let isLast = index == parts.count - 1
        if isLast && part.isEmpty { return nil }
        return .string(isLast ? String(part) : part + "\n")
      })
  }
}
