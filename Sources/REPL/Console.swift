import Language

/// Writes the prompt's output in its style: cell outputs, errors, notes. With colours off it
/// removes every escape code, so piped output stays plain whatever a cell printed.
///
/// On a terminal (`redrawsProgress`), `.progress` pieces are drawn over each other on one line,
/// which the next other output (or the end of the cell) closes; elsewhere each is a line.
public final class Console {
  /// Where the text goes.
  public let output: any TextOutput
  /// The colours in use.
  public let style: Style
  /// Whether progress lines are redrawn in place.
  public let redrawsProgress: Bool
  /// The terminal's width now (it may be resized): redrawn lines are cut to one column less, so
  /// they never wrap.
  public let width: () -> Int
  private var progressLineIsOpen = false

  /// Creates a console writing to `output` in `style`.
  public init(
    output: any TextOutput, style: Style, redrawsProgress: Bool = false,
    width: @escaping () -> Int = { 80 }
  ) {
    self.output = output
    self.style = style
    self.redrawsProgress = redrawsProgress
    self.width = width
  }

  /// Writes `text` as it is, after closing a redrawn progress line.
  public func write(_ text: String) {
    closeProgressLine()
    output.write(style.usesColor ? text : text.withoutEscapeCodes)
  }

  /// Writes `text` and ends the line.
  public func line(_ text: String) { write(text.hasSuffix("\n") ? text : text + "\n") }

  /// Writes a failure in the error colour.
  public func error(_ text: String) { line(style.error(text)) }

  /// Writes what a cell printed, each piece in its kind's colour.
  public func show(_ pieces: [OutputPiece]) {
    for piece in pieces {
      switch piece {
      case .text(let text): line(text)
      case .chart(let terminal, _): line(terminal)
      case .timing(let text): line(style.dim(text))
      case .progress(let text): progress(text)
      case .error(let text): error(text)
      }
    }
  }

  /// Ends a redrawn progress line, if one is open, so what follows starts on a new line.
  public func closeProgressLine() {
    guard progressLineIsOpen else { return }
    progressLineIsOpen = false
    // After a Ctrl-C the signal handler has ended the line already (after the terminal's `^C`).
    if !Interrupt.isRequested { output.write("\n") }
  }

  /// A carriage return and the escape code that erases the line: what starts a redraw.
  public static let clearLine = "\r\u{1B}[2K"

  /// A progress line: drawn over the previous one on a terminal (plain, cut to fit), else a line.
  private func progress(_ text: String) {
    guard redrawsProgress else { return line(text) }
    // After a Ctrl-C the handler has ended the line; a redraw now would reopen it unended.
    guard !Interrupt.isRequested else { return }
    let last = text.split(separator: "\n").last.map(String.init) ?? ""
    output.write(Self.clearLine + String(last.withoutEscapeCodes.prefix(max(1, width() - 1))))
    progressLineIsOpen = true
  }
}
