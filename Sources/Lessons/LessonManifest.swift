import Foundation

/// A lesson's `lesson.json`: its title, a one-line summary, and its exercises in order with
/// their hints.
///
/// ```json
/// { "title": "The learning rate", "summary": "Too big, too small, just right.",
///   "exercises": [{ "name": "01-reach-the-target", "title": "Find a rate that works",
///                   "hints": ["Try rates ten times apart."] }] }
/// ```
public struct LessonManifest: Codable, Equatable, Sendable {
  /// The lesson's title.
  public var title: String
  /// One line saying what the lesson teaches.
  public var summary: String
  /// The exercises, in the order they are done.
  public var exercises: [Entry]

  /// One exercise: `exercises/<name>.tb` and `solutions/<name>.tb`.
  public struct Entry: Codable, Equatable, Sendable {
    /// The file name without `.tb`, such as `01-make-it-overfit`.
    public var name: String
    /// What the exercise asks, in a few words.
    public var title: String
    /// Hints, gentlest first.
    public var hints: [String]
  }

  /// Decodes `data`, the contents of `file`; a malformed manifest throws a ``LessonError`` that
  /// names the missing or wrong key (and the line, for invalid JSON).
  public static func decode(_ data: Data, file: String) throws -> LessonManifest {
    do {
      let manifest = try JSONDecoder().decode(LessonManifest.self, from: data)
      try manifest.validate(file: file)
      return manifest
    } catch let error as DecodingError {
      throw LessonError(
        file: file, line: lineOfInvalidJSON(in: data), Self.explain(error))
    }
  }

  private func validate(file: String) throws {
    if title.isEmpty { throw LessonError(file: file, "the `title` is empty") }
    if exercises.isEmpty {
      throw LessonError(file: file, "a lesson needs at least one exercise in `exercises`")
    }
    var seen: Set<String> = []
    for (index, entry) in exercises.enumerated() {
      let which = "exercise \(index + 1)"
      if entry.name.isEmpty || entry.name.contains("/") || entry.name.hasSuffix(".tb") {
        throw LessonError(
          file: file, "\(which) has the name `\(entry.name)`; write the file name without `.tb`")
      }
      if !seen.insert(entry.name).inserted {
        throw LessonError(file: file, "\(which) repeats the name `\(entry.name)`")
      }
      if entry.hints.isEmpty { throw LessonError(file: file, "\(which) has no hints") }
    }
  }

  private static func explain(_ error: DecodingError) -> String {
    func path(_ keys: [any CodingKey]) -> String {
      let parts = keys.map { key in key.intValue.map { "[\($0)]" } ?? "." + key.stringValue }
      let joined = parts.joined()
      return joined.hasPrefix(".") ? String(joined.dropFirst()) : joined
    }
    switch error {
    case .keyNotFound(let key, let context):
      let parent = path(context.codingPath)
      return "missing key `\(key.stringValue)`" + (parent.isEmpty ? "" : " in `\(parent)`")
    case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
      let place = path(context.codingPath)
      return place.isEmpty
        ? "the manifest should be a JSON object with `title`, `summary` and `exercises`"
        : "`\(place)` should be \(describe(type))"
    case .dataCorrupted(let context):
      return context.codingPath.isEmpty
        ? "not valid JSON" : "`\(path(context.codingPath))` is malformed"
    @unknown default:
      return "malformed manifest"
    }
  }

  private static func describe(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: "a string"
    case is [Any].Type, is [String].Type, is [Entry].Type: "a list"
    case is Entry.Type: "an object with `name`, `title` and `hints`"
    default: "a \(type)"
    }
  }

  /// The line of the first JSON syntax mistake, found by a small scanner (Foundation's errors do
  /// not say where on every platform); `nil` when the JSON is well formed.
  static func lineOfInvalidJSON(in data: Data) -> Int? {
    guard (try? JSONSerialization.jsonObject(with: data)) == nil else { return nil }
    var scanner = JSONLineScanner(text: Array(String(decoding: data, as: UTF8.self)))
    return scanner.lineOfFirstMistake()
  }
}
