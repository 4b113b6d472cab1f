/// `source` as HTML with trainbook's comments, strings, numbers, keywords, argument labels and
/// called names wrapped in `<span class="…">` for colouring (`c`, `s`, `n`, `k`, `l`, `f`).
func highlightedCode(_ source: String) -> String {
  let characters = Array(source)
  var html = ""
  var position = 0
  func span(_ kind: String, _ end: Int) {
    html += "<span class=\"\(kind)\">\(escapeHTML(String(characters[position..<end])))</span>"
    position = end
  }
  while position < characters.count {
    let character = characters[position]
    if character == "#" {
      span("c", characters[position...].firstIndex(of: "\n") ?? characters.count)
    } else if character == "\"" {
      var end = position + 1
      while end < characters.count, characters[end] != "\"", characters[end] != "\n" {
        end += characters[end] == "\\" ? 2 : 1
      }
      span("s", min(end + 1, characters.count))
    } else if character.isNumber {
      var end = position
      while end < characters.count,
        characters[end].isNumber || characters[end] == "." || characters[end] == "e"
          || (characters[end] == "-" && characters[end - 1] == "e")
      {
        end += 1
      }
      span("n", end)
    } else if character.isLetter || character == "_" {
      var end = position
      while end < characters.count,
        characters[end].isLetter || characters[end].isNumber || characters[end] == "_"
      {
        end += 1
      }
      let word = String(characters[position..<end])
      let next = characters[end...].first { $0 != " " }
      if keywords.contains(word) {
        span("k", end)
      } else if next == ":" {
        span("l", end)
      } else if next == "(" {
        span("f", end)
      } else {
        html += escapeHTML(word)
        position = end
      }
    } else {
      html += escapeHTML(String(character))
      position += 1
    }
  }
  return html
}

/// The language's keywords.
private let keywords: Set<String> = [
  "and", "or", "not", "for", "in", "if", "else", "true", "false", "none", "expect",
]
