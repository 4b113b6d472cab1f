import Foundation
import Support

/// Validates JSON against the subset of JSON Schema draft 4 that the nbformat v4.5 schema uses:
/// `$ref` (local), `type`, `enum`, `properties`, `patternProperties`, `additionalProperties`,
/// `required`, `items`, `uniqueItems`, `oneOf`, `not`, `pattern`, `minLength`, `maxLength`,
/// `minimum`, `maximum`. An unknown keyword is reported rather than ignored.
struct SchemaValidator {
  let root: JSONValue
  static let known: Set<String> = [
    "$ref", "$schema", "type", "enum", "properties", "patternProperties", "additionalProperties",
    "required", "items", "uniqueItems", "oneOf", "not", "pattern", "minLength", "maxLength",
    "minimum", "maximum", "description", "definitions", "default",
  ]

  /// Every violation of the schema by `value`, as `path: problem`.
  func errors(_ value: JSONValue) -> [String] { errors(value, root, "$") }

  private func errors(_ value: JSONValue, _ schema: JSONValue, _ path: String) -> [String] {
    guard let keywords = schema.members else { return ["\(path): schema is not an object"] }
    var found: [String] = []
    for key in keywords.keys where !Self.known.contains(key) {
      found.append("\(path): unsupported keyword \(key)")
    }
    if case .string(let reference)? = keywords["$ref"] {
      let steps = reference.split(separator: "/").dropFirst().map(String.init)
      guard reference.hasPrefix("#/"),
        let target = steps.reduce(Optional(root), { $0?[$1] })
      else { return ["\(path): bad $ref \(reference)"] }
      return errors(value, target, path)
    }
    if let type = keywords["type"], !matchesType(value, type) {
      found.append("\(path): expected type \(type)")
    }
    if case .array(let options)? = keywords["enum"], !options.contains(value) {
      found.append("\(path): \(value) is not one of \(options)")
    }
    if case .array(let options)? = keywords["oneOf"] {
      let results = options.map { errors(value, $0, path) }
      let passing = results.filter(\.isEmpty).count
      if passing != 1 { found.append("\(path): matches \(passing) of oneOf, not exactly 1") }
      if passing == 0, let closest = results.min(by: { $0.count < $1.count }) { found += closest }
    }
    if let negated = keywords["not"], errors(value, negated, path).isEmpty {
      found.append("\(path): matches a `not` schema")
    }
    switch value {
    case .object: found += objectErrors(value.members ?? [:], keywords, path)
    case .array(let items):
      if let itemSchema = keywords["items"] {
        for (index, item) in items.enumerated() {
          found += errors(item, itemSchema, "\(path)[\(index)]")
        }
      }
      if keywords["uniqueItems"] == .bool(true), Set(items.map { "\($0)" }).count != items.count {
        found.append("\(path): items are not unique")
      }
    case .string(let text):
      if case .string(let pattern)? = keywords["pattern"], !matches(text, pattern) {
        found.append("\(path): \"\(text)\" does not match \(pattern)")
      }
      if case .integer(let least)? = keywords["minLength"], text.count < least {
        found.append("\(path): shorter than \(least)")
      }
      if case .integer(let most)? = keywords["maxLength"], text.count > most {
        found.append("\(path): longer than \(most)")
      }
    case .integer(let number):
      if case .integer(let least)? = keywords["minimum"], number < least {
        found.append("\(path): below \(least)")
      }
      if case .integer(let most)? = keywords["maximum"], number > most {
        found.append("\(path): above \(most)")
      }
    default: break
    }
    return found
  }

  private func objectErrors(
    _ members: [String: JSONValue], _ keywords: [String: JSONValue], _ path: String
  ) -> [String] {
    var found: [String] = []
    if case .array(let required)? = keywords["required"] {
      for case .string(let name) in required where members[name] == nil {
        found.append("\(path): missing required \(name)")
      }
    }
    let properties = keywords["properties"]?.members ?? [:]
    let patterns = keywords["patternProperties"]?.members ?? [:]
    for (name, member) in members.sorted(by: { $0.key < $1.key }) {
      var covered = false
      if let schema = properties[name] {
        covered = true
        found += errors(member, schema, "\(path).\(name)")
      }
      for (pattern, schema) in patterns where matches(name, pattern) {
        covered = true
        found += errors(member, schema, "\(path).\(name)")
      }
      if !covered, let extra = keywords["additionalProperties"] {
        if extra == .bool(false) {
          found.append("\(path): property \(name) is not allowed")
        } else if case .object = extra {
          found += errors(member, extra, "\(path).\(name)")
        }
      }
    }
    return found
  }

  private func matchesType(_ value: JSONValue, _ type: JSONValue) -> Bool {
    if case .array(let types) = type { return types.contains { matchesType(value, $0) } }
    guard case .string(let name) = type else { return false }
    switch (name, value) {
    case ("null", .null), ("boolean", .bool), ("integer", .integer), ("number", .integer),
      ("number", .number), ("string", .string), ("array", .array), ("object", .object):
      return true
    default: return false
    }
  }

  private func matches(_ text: String, _ pattern: String) -> Bool {
    guard let regex = try? NSRegularExpression(pattern: pattern) else { return false }
    let range = NSRange(text.startIndex..., in: text)
    return regex.firstMatch(in: text, range: range) != nil
  }
}

/// The vendored nbformat v4.5 schema (from the nbformat 5.11.1 wheel).
func nbformatSchema() throws -> SchemaValidator {
  let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("References/nbformat.v4.5.schema.json")
  return SchemaValidator(root: try JSONValue.parse(String(contentsOf: url, encoding: .utf8)))
}
