/// The look of one character cell: colours and weight.
package struct CellStyle: Sendable, Equatable {
  /// The character's colour, or the terminal's own.
  package var foreground: ChartColor?
  /// The cell's background colour, or the terminal's own.
  package var background: ChartColor?
  /// Whether the character is bold.
  package var bold = false

  /// A style with the given colours (nil for the terminal's own) and weight.
  package init(foreground: ChartColor? = nil, background: ChartColor? = nil, bold: Bool = false) {
    self.foreground = foreground
    self.background = background
    self.bold = bold
  }

  /// The terminal's default look.
  package static let plain = CellStyle()

  /// The ANSI SGR sequence that switches the terminal to this style from the default.
  var escape: String {
    var codes: [String] = []
    if bold { codes.append("1") }
    if let foreground { codes.append("38;5;\(foreground.terminalIndex)") }
    if let background { codes.append("48;5;\(background.terminalIndex)") }
    return "\u{1B}[" + codes.joined(separator: ";") + "m"
  }
}

/// A rectangle of styled characters that a terminal chart is drawn into, then turned into text
/// with ANSI colour codes or without any escape code at all.
package struct TextCanvas: Sendable {
  /// The number of columns and lines.
  package let width, height: Int
  private var characters: [Character]
  private var styles: [CellStyle]

  /// A blank canvas of `width` columns and `height` lines.
  package init(width: Int, height: Int) {
    precondition(width >= 0 && height >= 0, "a canvas cannot have a negative size")
    self.width = width
    self.height = height
    characters = Array(repeating: " ", count: width * height)
    styles = Array(repeating: .plain, count: width * height)
  }

  /// Puts `character` at (`column`, `line`); positions off the canvas are ignored.
  package mutating func put(
    _ character: Character, column: Int, line: Int, style: CellStyle = .plain
  ) {
    guard column >= 0, column < width, line >= 0, line < height else { return }
    characters[line * width + column] = character
    styles[line * width + column] = style
  }

  /// Writes `text` from (`column`, `line`) rightward, cut at the canvas's edge.
  package mutating func write(
    _ text: String, column: Int, line: Int, style: CellStyle = .plain
  ) {
    for (offset, character) in text.enumerated() {
      put(character, column: column + offset, line: line, style: style)
    }
  }

  /// The text of the canvas, lines joined with newlines and trailing blanks trimmed; with `color`
  /// each change of style is an ANSI escape and every line ends in a reset, without it there is
  /// no escape code at all.
  package func rendered(color: Bool) -> String {
    (0..<height).map { renderedLine($0, color: color) }.joined(separator: "\n")
  }

  private func renderedLine(_ line: Int, color: Bool) -> String {
    let cells = (0..<width).map { line * width + $0 }
    let end = cells.lastIndex { characters[$0] != " " || (color && styles[$0] != .plain) }
    guard let end else { return "" }
    var text = ""
    var current = CellStyle.plain
    for index in cells[...end] {
      if color && styles[index] != current {
        text += current == .plain ? "" : "\u{1B}[0m"
        current = styles[index]
        text += current == .plain ? "" : current.escape
      }
      text.append(characters[index])
    }
    return current == .plain ? text : text + "\u{1B}[0m"
  }
}

extension TextCanvas {
  /// Copies every cell of `other` onto this canvas with its top left at (`column`, `line`).
  package mutating func paste(_ other: TextCanvas, column: Int, line: Int) {
    for row in 0..<other.height {
      for x in 0..<other.width {
        let index = row * other.width + x
        put(
          other.characters[index], column: column + x, line: line + row, style: other.styles[index])
      }
    }
  }
}
