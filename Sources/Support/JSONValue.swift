import Foundation

/// A JSON value: parsed from a format whose keys are not known in advance (a safetensors header),
/// or built to be written (an ipynb export). Objects keep their members in the order given, so
/// written files are stable and diff well; a parsed object's members are sorted by key.
package indirect enum JSONValue: Decodable, Equatable, Sendable {
  case null
  case bool(Bool)
  case integer(Int)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  /// Decodes whichever JSON value is present; integers that fit `Int` stay integers.
  package init(from decoder: any Decoder) throws {
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
    } else if let value = try? container.decode([JSONValue].self) {
      self = .array(value)
    } else {
      let members = try container.decode([String: JSONValue].self)
      self = .object(members.sorted { $0.key < $1.key })
    }
  }

  /// Two values are equal when they have the same type and contents, objects in the same order.
  package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): true
    case (.bool(let a), .bool(let b)): a == b
    case (.integer(let a), .integer(let b)): a == b
    case (.number(let a), .number(let b)): a == b
    case (.string(let a), .string(let b)): a == b
    case (.array(let a), .array(let b)): a == b
    case (.object(let a), .object(let b)):
      a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: false
    }
  }

  /// The members of an object by key (the last of a repeated key wins), or nil for other values.
  package var members: [String: JSONValue]? {
    guard case .object(let pairs) = self else { return nil }
    return Dictionary(pairs, uniquingKeysWith: { $1 })
  }

  /// The member `key` of an object, or nil when it has none or the value is not an object.
  package subscript(key: String) -> JSONValue? {
    guard case .object(let pairs) = self else { return nil }
    return pairs.last { $0.0 == key }?.1
  }

  /// The JSON value `text` holds; throws when it is not valid JSON.
  package static func parse(_ text: String) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
  }

  /// The value as a non-negative integer, or nil.
  package var count: Int? {
    if case .integer(let value) = self, value >= 0 { return value }
    return nil
  }

  /// A short name of the value's JSON type, for messages.
  package var typeName: String {
    switch self {
    case .null: "null"
    case .bool: "a boolean"
    case .integer, .number: "a number"
    case .string: "a string"
    case .array: "an array"
    case .object: "an object"
    }
  }
}

/// A number in a JSON text that is written with a fraction or an exponent (`3.0`, `3e0`), and
/// the keys of the objects around it, outermost first.
package struct WrittenFraction: Equatable, Sendable {
  /// The keys leading to the number: `["dense.weight", "shape"]`.
  package var path: [String]
  /// The number as written.
  package var literal: String

  /// A number written as `literal` under the keys `path`.
  package init(path: [String], literal: String) {
    self.path = path
    self.literal = literal
  }
}

extension JSONValue {
  /// The numbers in `text` written with a fraction or an exponent, in order. `JSONDecoder` reads
  /// `3.0` as the integer 3, so formats whose integers must be written as JSON integers (as the
  /// safetensors reference reader requires) look here. `text` must be valid JSON.
  package static func writtenFractions(in text: String) -> [WrittenFraction] {
    let bytes = Array(text.utf8)
    var keys: [String?] = []  // per open container: its current key, nil for an array
    var expectingKey = false
    var found: [WrittenFraction] = []
    var index = 0
    while index < bytes.count {
      let start = index
      index += 1
      switch bytes[start] {
      case UInt8(ascii: "{"):
        keys.append("")
        expectingKey = true
      case UInt8(ascii: "["): keys.append(nil)
      case UInt8(ascii: "}"), UInt8(ascii: "]"): _ = keys.popLast()
      case UInt8(ascii: ","): expectingKey = keys.last.map { $0 != nil } ?? false
      case UInt8(ascii: "\""):
        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
          index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
        }
        index += 1
        if expectingKey, !keys.isEmpty {
          let literal = Data(bytes[start..<min(index, bytes.count)])
          keys[keys.count - 1] = (try? JSONDecoder().decode(String.self, from: literal)) ?? ""
          expectingKey = false
        }
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        while index < bytes.count, "+-.eE0123456789".utf8.contains(bytes[index]) { index += 1 }
        let literal = String(decoding: bytes[start..<index], as: UTF8.self)
        if literal.contains(where: { ".eE".contains($0) }) {
          found.append(WrittenFraction(path: keys.compactMap { $0 }, literal: literal))
        }
      default: continue
      }
    }
    return found
  }
}
