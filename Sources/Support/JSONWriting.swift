extension JSONValue {
  /// The value as JSON text, indented by one space a level (the way Jupyter writes notebooks).
  /// A number that is not finite, which JSON cannot hold, is written as `null`.
  package func text(indent: Int = 0) -> String {
    let inner = String(repeating: " ", count: indent + 1)
    let outer = String(repeating: " ", count: indent)
    switch self {
    case .string(let string): return jsonQuoted(string)
    case .integer(let number): return String(number)
    case .number(let number): return number.isFinite ? String(number) : "null"
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
  package static func lines(_ text: String) -> JSONValue {
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

/// `text` as a JSON string literal, with quotes, backslashes and control characters escaped.
package func jsonQuoted(_ text: String) -> String {
  var result = "\""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\"": result += "\\\""
    case "\\": result += "\\\\"
    case "\n": result += "\\n"
    case "\r": result += "\\r"
    case "\t": result += "\\t"
    case _ where scalar.value < 0x20:
      let hex = String(scalar.value, radix: 16)
      result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    default: result.unicodeScalars.append(scalar)
    }
  }
  return result + "\""
}
