import Foundation
import Support

/// A message of the Jupyter messaging protocol (5.3): its routing identities, header, parent
/// header, metadata and content (JSON objects), and any binary buffers.
package struct KernelMessage {
  /// The ZeroMQ routing identities of the client it came from (replies go back to them).
  package var identities: [[UInt8]] = []
  /// `msg_id`, `session`, `username`, `date`, `msg_type`, `version`.
  package var header: [String: JSONValue]
  /// The header of the request this message answers or belongs to (empty for none).
  package var parentHeader: JSONValue = .object([])
  /// Extra information about the message, by convention.
  package var metadata: JSONValue = .object([])
  /// The message's own fields.
  package var content: JSONValue
  /// Binary data after the content, passed on untouched.
  package var buffers: [[UInt8]] = []

  /// The protocol version the kernel speaks.
  package static let protocolVersion = "5.3"

  /// The message's type, `execute_request` say; empty if the header has none.
  package var type: String {
    if case .string(let type)? = header["msg_type"] { type } else { "" }
  }

  /// The content's field `key`.
  package subscript(key: String) -> JSONValue? { content[key] }

  /// The content's text field `key`, or nil.
  package func text(_ key: String) -> String? {
    if case .string(let text)? = self[key] { text } else { nil }
  }

  /// The content's whole-number field `key`, or nil.
  package func integer(_ key: String) -> Int? {
    switch self[key] {
    case .integer(let value)?: value
    case .number(let value)? where value == value.rounded() && abs(value) < 1e15: Int(value)
    default: nil
    }
  }

  /// The content's true-or-false field `key`, or `fallback` when it is missing.
  package func flag(_ key: String, default fallback: Bool) -> Bool {
    if case .bool(let value)? = self[key] { value } else { fallback }
  }

  /// A new message of `type` in `session` answering or belonging to `parent` (if any).
  package init(type: String, content: JSONValue, session: String, parent: KernelMessage? = nil) {
    header = [
      "msg_id": .string(UUID().uuidString.lowercased()), "session": .string(session),
      "username": .string("trainbook"), "date": .string(Self.timestamp()),
      "msg_type": .string(type), "version": .string(Self.protocolVersion),
    ]
    self.content = content
    if let parent {
      identities = parent.identities
      parentHeader = .object(parent.header.sorted { $0.key < $1.key })
    }
  }

  package init(
    identities: [[UInt8]], header: [String: JSONValue], parentHeader: JSONValue,
    metadata: JSONValue, content: JSONValue, buffers: [[UInt8]]
  ) {
    self.identities = identities
    self.header = header
    self.parentHeader = parentHeader
    self.metadata = metadata
    self.content = content
    self.buffers = buffers
  }

  /// Now in ISO 8601 with microseconds, as Jupyter dates its messages.
  private static func timestamp() -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return formatter.string(from: Date())
  }
}

/// Turns ZeroMQ frames into messages and back, checking and setting each message's signature.
///
/// On the wire a message is its identities, the delimiter `<IDS|MSG>`, the HMAC-SHA256 of the
/// next four frames in lowercase hexadecimal (empty when the key is), the header, parent header,
/// metadata and content as JSON, then the buffers.
package struct MessageCodec {
  /// The frame between the identities and the signature.
  package static let delimiter = Array("<IDS|MSG>".utf8)
  private let signer: HMACSHA256?

  /// A codec signing with `key`; an empty key turns signing off.
  package init(key: String) {
    signer = key.isEmpty ? nil : HMACSHA256(key: Array(key.utf8))
  }

  /// The message `frames` carry.
  /// - Throws: `MessageError.badSignature` when the signature does not match the key;
  ///   `MessageError.malformed` when the frames do not make a message.
  package func decode(_ frames: [[UInt8]]) throws(MessageError) -> KernelMessage {
    guard let split = frames.firstIndex(of: Self.delimiter) else {
      throw .malformed("no <IDS|MSG> delimiter")
    }
    let parts = Array(frames[(split + 1)...])
    guard parts.count >= 5 else {
      throw .malformed("\(parts.count) frames after the delimiter, fewer than 5")
    }
    if let signer {
      let expected = Array(signer.hexCode(of: Array(parts[1...4])).utf8)
      guard Self.sameBytes(expected, parts[0]) else { throw .badSignature }
    }
    let json = try (1...4).map { index throws(MessageError) in try Self.object(parts[index]) }
    guard let header = json[0].members else { throw .malformed("the header is not an object") }
    guard case .string? = header["msg_type"] else { throw .malformed("the header has no msg_type") }
    return KernelMessage(
      identities: Array(frames[..<split]), header: header, parentHeader: json[1],
      metadata: json[2], content: json[3], buffers: Array(parts.dropFirst(5)))
  }

  /// The frames that carry `message`, signed.
  package func encode(_ message: KernelMessage) -> [[UInt8]] {
    let header = JSONValue.object(message.header.sorted { $0.key < $1.key })
    let parts = [header, message.parentHeader, message.metadata, message.content].map {
      Array($0.text().utf8)
    }
    let signature = signer.map { Array($0.hexCode(of: parts).utf8) } ?? []
    return message.identities + [Self.delimiter, signature] + parts + message.buffers
  }

  private static func object(_ frame: [UInt8]) throws(MessageError) -> JSONValue {
    guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(frame)) else {
      throw .malformed("a frame is not JSON")
    }
    guard case .object = value else { throw .malformed("a frame is JSON but not an object") }
    return value
  }

  /// Compares in time that does not depend on where the bytes differ.
  private static func sameBytes(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    guard a.count == b.count else { return false }
    return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
  }
}

/// Why frames were not accepted as a message; the kernel logs it and drops the frames.
package enum MessageError: Error, Equatable, CustomStringConvertible {
  /// The signature does not match the connection's key.
  case badSignature
  /// The frames do not make a Jupyter message.
  case malformed(String)

  package var description: String {
    switch self {
    case .badSignature: "a message with a wrong signature was dropped"
    case .malformed(let why): "a malformed message was dropped: \(why)"
    }
  }
}
