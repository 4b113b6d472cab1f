import Language

/// Writes the prompt's output in its style: cell outputs, errors, notes. With colours off it
/// removes every escape code, so piped output stays plain whatever a cell printed.
///
/// On a terminal (`redrawsProgress`), `.progress` pieces and training bars are drawn over each
/// other on one line, at most 20 times a second, which the next other output (or the end of the
/// cell, or a progress line that stays) closes; elsewhere each progress piece is a line and bars
/// are not drawn at all.
public final class Console {
  /// Where the text goes.
  public let output: any TextOutput
  /// The colours in use.
  public let style: Style
  /// Whether progress lines are redrawn in place.
  public let redrawsProgress: Bool
  /// The terminal's width now (it may be resized): redrawn lines are kept three columns short of
  /// it, so they never wrap, not even with the terminal's `^C` after them.
  public let width: () -> Int
  private let redrawn: RedrawnLine
  private var settled = SettledProgress()

  /// Creates a console writing to `output` in `style`; `now` is the monotonic clock that spaces
  /// the progress line's redraws (and nothing else).
  public init(
    output: any TextOutput, style: Style, redrawsProgress: Bool = false,
    width: @escaping () -> Int = { 80 },
    now: @escaping () -> ContinuousClock.Instant = { ContinuousClock.now }
  ) {
    self.output = output
    self.style = style
    self.redrawsProgress = redrawsProgress
    self.width = width
    redrawn = RedrawnLine(output: output, usesColor: style.usesColor, width: width, now: now)
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

  /// Ends a redrawn progress line, if one is open, so what follows starts on a new line; where
  /// nothing is redrawn, writes the last progress line if no later one replaced it.
  public func closeProgressLine() {
    redrawn.close()
    if let last = settled.settle() { output.write(last + "\n") }
  }

  /// A carriage return and the escape code that erases the line: what starts a redraw.
  public static let clearLine = "\r\u{1B}[2K"

  /// A progress line: drawn over the previous one on a terminal (plain, cut to fit), and kept
  /// there when it ends in a newline; elsewhere written as a line if it stays, else held until
  /// other output follows (see ``SettledProgress``).
  private func progress(_ text: String) {
    guard redrawsProgress else {
      if let line = settled.add(text) { output.write(line + "\n") }
      return
    }
    let last = text.split(separator: "\n").last.map(String.init) ?? ""
    redrawn.draw(.text(last.withoutEscapeCodes))
    if text.hasSuffix("\n") { redrawn.close() }
  }

  /// Draws a training step's bar over the progress line on a terminal (see ``RedrawnLine``);
  /// elsewhere nothing.
  public func show(_ bar: TrainingBar) {
    guard redrawsProgress else { return }
    redrawn.draw(.bar(bar))
  }
}
