import Foundation

/// A JSON value as decoded for schema validation.
indirect enum JSON: Decodable, Equatable {
  case null
  case bool(Bool)
  case integer(Int)
  case number(Double)
  case string(String)
  case array([JSON])
  case object([String: JSON])

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Int.self) {
      self = .integer(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSON].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: JSON].self))
    }
  }

  static func parse(_ text: String) throws -> JSON {
    try JSONDecoder().decode(JSON.self, from: Data(text.utf8))
  }

  subscript(key: String) -> JSON? {
    if case .object(let members) = self { members[key] } else { nil }
  }
}

/// Validates JSON against the subset of JSON Schema draft 4 that the nbformat v4.5 schema uses:
/// `$ref` (local), `type`, `enum`, `properties`, `patternProperties`, `additionalProperties`,
/// `required`, `items`, `uniqueItems`, `oneOf`, `not`, `pattern`, `minLength`, `maxLength`,
/// `minimum`, `maximum`. An unknown keyword is reported rather than ignored.
struct SchemaValidator {
  let root: JSON
  static let known: Set<String> = [
    "$ref", "$schema", "type", "enum", "properties", "patternProperties", "additionalProperties",
    "required", "items", "uniqueItems", "oneOf", "not", "pattern", "minLength", "maxLength",
    "minimum", "maximum", "description", "definitions", "default",
  ]

  /// Every violation of the schema by `value`, as `path: problem`.
  func errors(_ value: JSON) -> [String] { errors(value, root, "$") }

  private func errors(_ value: JSON, _ schema: JSON, _ path: String) -> [String] {
    guard case .object(let keywords) = schema else { return ["\(path): schema is not an object"] }
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
    case .object(let members): found += objectErrors(members, keywords, path)
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
    _ members: [String: JSON], _ keywords: [String: JSON], _ path: String
  ) -> [String] {
    var found: [String] = []
    if case .array(let required)? = keywords["required"] {
      for case .string(let name) in required where members[name] == nil {
        found.append("\(path): missing required \(name)")
      }
    }
    let properties: [String: JSON] =
      if case .object(let p)? = keywords["properties"] { p } else { [:] }
    let patterns: [String: JSON] =
      if case .object(let p)? = keywords["patternProperties"] { p } else { [:] }
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

  private func matchesType(_ value: JSON, _ type: JSON) -> Bool {
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
  return SchemaValidator(root: try JSON.parse(String(contentsOf: url, encoding: .utf8)))
}
