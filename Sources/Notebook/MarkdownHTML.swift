import Foundation

/// A small Markdown renderer for a notebook's prose: ATX headings, paragraphs, bullet and
/// numbered lists, block quotes, fenced code, rules, pipe tables, and inline code, strong,
/// emphasis and links. Raw HTML is escaped (and HTML comments dropped), so prose can never
/// inject markup or scripts into an exported page.
func markdownHTML(_ markdown: String) -> String {
  var html: [String] = []
  let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  var index = 0
  var paragraph: [String] = []
  func flushParagraph() {
    if !paragraph.isEmpty { html.append("<p>\(inlineHTML(paragraph.joined(separator: "\n")))</p>") }
    paragraph = []
  }
  while index < lines.count {
    let line = lines[index]
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    if let fence = Fence(opening: line) {
      flushParagraph()
      var body: [String] = []
      index += 1
      while index < lines.count, !fence.isClosed(by: lines[index]) {
        body.append(lines[index])
        index += 1
      }
      html.append(
        "<pre class=\"prose-code\"><code>\(escapeHTML(body.joined(separator: "\n")))</code></pre>")
    } else if trimmed.isEmpty || (trimmed.hasPrefix("<!--") && trimmed.hasSuffix("-->")) {
      flushParagraph()
    } else if let (level, text) = heading(trimmed) {
      flushParagraph()
      html.append("<h\(level)>\(inlineHTML(text))</h\(level)>")
    } else if ["---", "***", "___"].contains(trimmed.replacingOccurrences(of: " ", with: "")) {
      flushParagraph()
      html.append("<hr>")
    } else if let (ordered, _) = listItem(trimmed) {
      flushParagraph()
      var items: [String] = []
      while index < lines.count,
        let (sameKind, text) = listItem(lines[index].trimmingCharacters(in: .whitespaces)),
        sameKind == ordered
      {
        var item = text
        while index + 1 < lines.count, lines[index + 1].hasPrefix("  "),
          listItem(lines[index + 1].trimmingCharacters(in: .whitespaces)) == nil
        {
          index += 1
          item += "\n" + lines[index].trimmingCharacters(in: .whitespaces)
        }
        items.append("<li>\(inlineHTML(item))</li>")
        index += 1
      }
      let tag = ordered ? "ol" : "ul"
      html.append("<\(tag)>\(items.joined())</\(tag)>")
      continue
    } else if trimmed.hasPrefix(">") {
      flushParagraph()
      var quoted: [String] = []
      while index < lines.count, lines[index].trimmingCharacters(in: .whitespaces).hasPrefix(">") {
        quoted.append(String(lines[index].trimmingCharacters(in: .whitespaces).dropFirst()))
        index += 1
      }
      html.append("<blockquote>\(markdownHTML(quoted.joined(separator: "\n")))</blockquote>")
      continue
    } else if trimmed.hasPrefix("|"), index + 1 < lines.count, isTableRule(lines[index + 1]) {
      flushParagraph()
      var rows = [tableCells(trimmed)]
      index += 2
      while index < lines.count, lines[index].trimmingCharacters(in: .whitespaces).hasPrefix("|") {
        rows.append(tableCells(lines[index].trimmingCharacters(in: .whitespaces)))
        index += 1
      }
      let head = rows[0].map { "<th>\(inlineHTML($0))</th>" }.joined()
      let body = rows.dropFirst().map {
        "<tr>" + $0.map { "<td>\(inlineHTML($0))</td>" }.joined() + "</tr>"
      }
      html.append("<table><thead><tr>\(head)</tr></thead><tbody>\(body.joined())</tbody></table>")
      continue
    } else {
      paragraph.append(trimmed)
    }
    index += 1
  }
  flushParagraph()
  return html.joined(separator: "\n")
}

/// The level and text of an ATX heading (`## Title`), or nil.
private func heading(_ line: String) -> (Int, String)? {
  let level = line.prefix { $0 == "#" }.count
  guard (1...6).contains(level), line.dropFirst(level).first == " " else { return nil }
  return (level, line.dropFirst(level + 1).trimmingCharacters(in: .whitespaces))
}

/// Whether a list item is numbered, and its text, or nil if `line` starts none.
private func listItem(_ line: String) -> (Bool, String)? {
  for bullet in ["- ", "* ", "+ "] where line.hasPrefix(bullet) {
    return (false, String(line.dropFirst(2)))
  }
  let digits = line.prefix(while: \.isNumber)
  let rest = line.dropFirst(digits.count)
  guard !digits.isEmpty, rest.hasPrefix(". ") || rest.hasPrefix(") ") else { return nil }
  return (true, String(rest.dropFirst(2)))
}

private func isTableRule(_ line: String) -> Bool {
  let trimmed = line.trimmingCharacters(in: .whitespaces)
  return trimmed.hasPrefix("|") && trimmed.contains("-")
    && trimmed.allSatisfy { "|-: ".contains($0) }
}

private func tableCells(_ row: String) -> [String] {
  var cells = row.split(separator: "|", omittingEmptySubsequences: false)
    .map { $0.trimmingCharacters(in: .whitespaces) }
  if cells.first == "" { cells.removeFirst() }
  if cells.last == "" { cells.removeLast() }
  return cells
}

/// Inline Markdown in one block of text: `code`, **strong**, *emphasis* or _emphasis_, and
/// [links](https://…) (only http, https and relative targets; others stay text).
func inlineHTML(_ text: String) -> String {
  var result = ""
  var rest = Substring(text)
  while let character = rest.first {
    if character == "`", let end = rest.dropFirst().firstIndex(of: "`") {
      result += "<code>\(escapeHTML(String(rest[rest.index(after: rest.startIndex)..<end])))</code>"
      rest = rest[rest.index(after: end)...]
    } else if rest.hasPrefix("**"), let end = rest.dropFirst(2).range(of: "**") {
      result +=
        "<strong>\(inlineHTML(String(rest.dropFirst(2)[..<end.lowerBound])))</strong>"
      rest = rest[end.upperBound...]
    } else if character == "*" || character == "_", rest.count > 2, rest.dropFirst().first != " ",
      !startsInsideWord(rest, of: text), let end = rest.dropFirst().firstIndex(of: character),
      !endsInsideWord(rest, at: end)
    {
      result += "<em>\(inlineHTML(String(rest[rest.index(after: rest.startIndex)..<end])))</em>"
      rest = rest[rest.index(after: end)...]
    } else if character == "[", let link = linkAt(rest) {
      result += "<a href=\"\(escapeHTML(link.target))\">\(inlineHTML(link.label))</a>"
      rest = rest[link.end...]
    } else {
      result += escapeHTML(String(character))
      rest = rest.dropFirst()
    }
  }
  return result
}

/// Whether the emphasis mark starting `rest` follows a letter or digit of `text` (`val_loss`).
private func startsInsideWord(_ rest: Substring, of text: String) -> Bool {
  guard rest.startIndex > text.startIndex else { return false }
  let previous = text[text.index(before: rest.startIndex)]
  return previous.isLetter || previous.isNumber
}

/// Whether the closing emphasis mark at `end` is followed by a letter or digit.
private func endsInsideWord(_ rest: Substring, at end: Substring.Index) -> Bool {
  let next = rest[rest.index(after: end)...].first
  return next?.isLetter == true || next?.isNumber == true
}

private func linkAt(_ text: Substring) -> (label: String, target: String, end: Substring.Index)? {
  guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix("("),
    let end = text[close...].firstIndex(of: ")")
  else { return nil }
  let label = String(text[text.index(after: text.startIndex)..<close])
  let target = String(text[text.index(close, offsetBy: 2)..<end])
  let scheme = target.prefix { $0 != ":" && $0 != "/" }
  guard !target.contains(":") || ["http", "https"].contains(scheme.lowercased()) else { return nil }
  return (label, target, text.index(after: end))
}

/// `text` with `&`, `<`, `>` and `"` written as HTML entities.
func escapeHTML(_ text: String) -> String {
  var result = ""
  for character in text {
    switch character {
    case "&": result += "&amp;"
    case "<": result += "&lt;"
    case ">": result += "&gt;"
    case "\"": result += "&quot;"
    default: result.append(character)
    }
  }
  return result
}
