/// The colours of the prompt, errors, timings and chart series, or none at all.
///
/// Colours are off when the `NO_COLOR` environment variable is set to anything non-empty
/// (https://no-color.org), when `TERM` is `dumb`, or when the output is not a terminal.
public struct Style: Sendable, Equatable {
  /// Whether escape codes are written at all.
  public var usesColor: Bool

  /// A style that colours when `usesColor` is `true`.
  public init(usesColor: Bool) { self.usesColor = usesColor }

  /// No colours: the style of pipes, files and tests.
  public static let plain = Style(usesColor: false)

  /// The style for an output stream, from whether it is a terminal and the environment.
  public static func detect(isTerminal: Bool, environment: [String: String]) -> Style {
    let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
    let dumb = environment["TERM"] == "dumb"
    return Style(usesColor: isTerminal && !noColor && !dumb)
  }

  /// A diagnostic or any failure.
  public func error(_ text: String) -> String { paint(text, "1;31") }
  /// The `trainbook>` and `...>` prompts.
  public func prompt(_ text: String) -> String { paint(text, "1;36") }
  /// Secondary text: timings, hints, summaries.
  public func dim(_ text: String) -> String { paint(text, "2") }
  /// Emphasis, such as a name in a listing.
  public func bold(_ text: String) -> String { paint(text, "1") }

  /// Chart series colours in the order series are drawn: blue, orange, green, red, purple, cyan
  /// (as ANSI 256-colour indexes close to matplotlib's default cycle).
  public static let seriesColors: [Int] = [33, 208, 34, 196, 135, 37]

  /// `text` in the colour of series number `index` (wrapping around the palette).
  public func series(_ index: Int, _ text: String) -> String {
    let colors = Style.seriesColors
    let color = colors[((index % colors.count) + colors.count) % colors.count]
    return paint(text, "38;5;\(color)")
  }

  private func paint(_ text: String, _ code: String) -> String {
    usesColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}

extension String {
  /// The string without ANSI escape sequences (CSI sequences such as colours and line clearing),
  /// for output that must stay plain.
  package var withoutEscapeCodes: String {
    guard contains("\u{1B}") else { return self }
    var result = ""
    var iterator = unicodeScalars.makeIterator()
    while let scalar = iterator.next() {
      guard scalar == "\u{1B}" else {
        result.unicodeScalars.append(scalar)
        continue
      }
      guard let next = iterator.next() else { break }
      guard next == "[" else { continue }  // a two-character escape: drop both
      while let final = iterator.next(), !(0x40...0x7E).contains(final.value) {}
    }
    return result
  }
}
