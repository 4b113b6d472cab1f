import Support

extension Notebook {
  /// The notebook as Markdown, in the format described on `Notebook`.
  ///
  /// Reading the text back gives an equal notebook (`Notebook(parsing: nb.markdown) == nb`) when
  /// prose blocks have no leading or trailing blank lines and no two are adjacent, as in every
  /// parsed or recorded notebook.
  public var markdown: String {
    var lines = metadata.lines
    for block in blocks {
      lines.append("")
      switch block {
      case .prose(let text):
        lines.append(text)
      case .cell(let cell):
        lines.append(contentsOf: cell.markers.lines)
        lines.append(fenced(cell.source, info: "trainbook"))
        guard !cell.outputs.isEmpty else { continue }
        lines.append("")
        lines.append("<!-- output -->")
        for (number, piece) in cell.outputs.enumerated() {
          if number > 0 { lines.append("") }
          let info = if case .text = piece { "output" } else { "output \(piece.kind)" }
          lines.append(fenced(piece.content, info: info))
        }
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Writes the notebook's Markdown to `path` atomically.
  public func write(to path: String) throws {
    try writeAtomically(markdown.utf8, to: path)
  }
}

/// `content` in a fenced block tagged `info`, its fence one backtick longer than any run of
/// backticks in the content (at least three), so the content can never close it.
func fenced(_ content: String, info: String) -> String {
  var longest = 0
  var run = 0
  for character in content {
    run = character == "`" ? run + 1 : 0
    longest = max(longest, run)
  }
  let fence = String(repeating: "`", count: max(3, longest + 1))
  return "\(fence)\(info)\n\(content)\n\(fence)"
}
