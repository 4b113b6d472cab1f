extension LessonStep {
  /// The step as the prompt shows it: a heading line, then the prose with code blocks indented
  /// by four spaces instead of fenced.
  public func rendered(in lesson: Lesson) -> String {
    let heading =
      "Lesson \(lesson.number) · \(lesson.title) · step \(number) of "
      + "\(lesson.text.steps.count): \(title)"
    return text.isEmpty ? heading : heading + "\n\n" + Self.unfenced(text)
  }

  /// Markdown with fenced blocks turned into indented blocks.
  static func unfenced(_ markdown: String) -> String {
    var inside = false
    var lines: [String] = []
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      if String(line).trimming(" ").hasPrefix("```") {
        inside.toggle()
        continue
      }
      lines.append(inside ? "    " + line : String(line))
    }
    return lines.joined(separator: "\n")
  }
}
