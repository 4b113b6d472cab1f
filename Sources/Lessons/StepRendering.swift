import Foundation

extension LessonStep {
  /// The step as the prompt shows it: a heading line, then the prose (see ``forTerminal(_:)``).
  public func rendered(in lesson: Lesson) -> String {
    let heading =
      "Lesson \(lesson.number) · \(lesson.title) · step \(number) of "
      + "\(lesson.text.steps.count): \(title)"
    return text.isEmpty ? heading : heading + "\n\n" + Self.forTerminal(text)
  }

  /// Markdown as plain terminal text: fenced blocks become blocks indented by four spaces, and
  /// the emphasis marks of prose (`**bold**`, `*italic*`) are dropped; code is left as it is.
  public static func forTerminal(_ markdown: String) -> String {
    var inside = false
    var lines: [String] = []
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      if String(line).trimming(" ").hasPrefix("```") {
        inside.toggle()
        continue
      }
      lines.append(inside ? "    " + line : withoutEmphasis(String(line)))
    }
    return lines.joined(separator: "\n")
  }

  /// `**a**` and `*a*` (a starting and ending with a non-space) become `a`; a lone `*`, as in
  /// `x * 2`, stays.
  static func withoutEmphasis(_ line: String) -> String {
    var text = line
    for pattern in [#"\*\*(\S(?:[^*]*\S)?)\*\*"#, #"(?<![\w*])\*(\S(?:[^*]*\S)?)\*(?![\w*])"#] {
      guard let expression = try? NSRegularExpression(pattern: pattern) else { continue }
      text = expression.stringByReplacingMatches(
        in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "$1")
    }
    return text
  }
}
