import Engine
import Foundation
import Support

/// What a notebook records besides its cells: the trainbook version that saved it, when, and the
/// seed replay starts the session with.
///
/// Stored as the first thing in the file, in a comment Markdown viewers hide:
///
/// ```markdown
/// <!-- trainbook
/// version: 0.1.0
/// saved: 2026-11-24T19:30:00Z
/// seed: 1
/// -->
/// ```
public struct NotebookMetadata: Sendable, Equatable {
  /// The trainbook version that saved the notebook.
  public var version: String
  /// When the notebook was saved, as an ISO 8601 UTC time (`2026-11-24T19:30:00Z`).
  public var saved: String?
  /// The seed of the session's random generator when the first cell ran.
  public var seed: UInt64?

  /// Creates metadata; the version defaults to this build's.
  public init(version: String = Trainbook.version, saved: String? = nil, seed: UInt64? = nil) {
    self.version = version
    self.saved = saved
    self.seed = seed
  }

  /// Metadata stamped with this build's version and the current time.
  public static func now(seed: UInt64? = nil) -> NotebookMetadata {
    NotebookMetadata(saved: utcTimestamp(Date()), seed: seed)
  }

  /// The comment that opens a metadata block.
  static let opening = "<!-- trainbook"
  /// The line that closes a metadata block.
  static let closing = "-->"
  /// The keys a metadata block may hold.
  static let keys = ["version", "saved", "seed"]

  /// The metadata block's lines, opening and closing comment included.
  var lines: [String] {
    var lines = [Self.opening, "version: \(version)"]
    if let saved { lines.append("saved: \(saved)") }
    if let seed { lines.append("seed: \(seed)") }
    lines.append(Self.closing)
    return lines
  }

  /// Reads the `key: value` lines of a metadata block whose first line is `firstLine`.
  static func parse(_ body: [String], firstLine: Int) throws(NotebookError) -> NotebookMetadata {
    var fields: [String: String] = [:]
    for (offset, line) in body.enumerated() {
      let lineNumber = firstLine + offset
      if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
      guard let colon = line.firstIndex(of: ":") else {
        throw NotebookError(
          line: lineNumber, "invalid metadata line `\(line)`: expected `key: value`")
      }
      let key = line[..<colon].trimmingCharacters(in: .whitespaces)
      let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      guard keys.contains(key) else {
        throw NotebookError(
          line: lineNumber,
          "unknown metadata key `\(key)`; known keys: \(keys.joined(separator: ", "))")
      }
      guard fields[key] == nil else {
        throw NotebookError(line: lineNumber, "metadata key `\(key)` is given twice")
      }
      try validate(key: key, value: value, line: lineNumber)
      fields[key] = value
    }
    guard let version = fields["version"] else {
      throw NotebookError(line: firstLine - 1, "the metadata block has no `version`")
    }
    return NotebookMetadata(
      version: version, saved: fields["saved"],
      seed: fields["seed"].flatMap {
        UInt64($0)
      })
  }

  private static func validate(key: String, value: String, line: Int) throws(NotebookError) {
    switch key {
    case "version" where value.isEmpty || value.contains(where: \.isWhitespace):
      throw NotebookError(line: line, "invalid version `\(value)`: expected e.g. `0.1.0`")
    case "saved" where parseUTCTimestamp(value) == nil:
      throw NotebookError(
        line: line, "invalid saved time `\(value)`: expected e.g. `2026-11-24T19:30:00Z`")
    case "seed" where UInt64(value) == nil:
      throw NotebookError(
        line: line, "invalid seed `\(value)`: expected a whole number from 0 to \(UInt64.max)")
    default: break
    }
  }
}

/// `date` as an ISO 8601 UTC time to the second, e.g. `2026-11-24T19:30:00Z`.
func utcTimestamp(_ date: Date) -> String {
  Date.ISO8601FormatStyle().format(date)
}

/// The date of an ISO 8601 UTC time such as `2026-11-24T19:30:00Z`, or nil.
func parseUTCTimestamp(_ text: String) -> Date? {
  try? Date(text, strategy: .iso8601)
}
