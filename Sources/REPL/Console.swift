import Language

/// Writes the prompt's output in its style: cell outputs, errors, notes. With colours off it
/// removes every escape code, so piped output stays plain whatever a cell printed.
///
/// On a terminal (`redrawsProgress`), `.progress` pieces and training bars are drawn over each
/// other on one line, which the next other output (or the end of the cell) closes; elsewhere each
/// progress piece is a line and bars are not drawn at all.
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
  /// The time now, on a monotonic clock: it only spaces the bar's redraws.
  let now: () -> ContinuousClock.Instant
  private var progressLineIsOpen = false
  private var barDrawn: ContinuousClock.Instant?

  /// The shortest time between two redraws of the training bar: at most 20 a second.
  public static let barInterval = Duration.milliseconds(50)

  /// Creates a console writing to `output` in `style`; `now` is the clock that spaces the bar's
  /// redraws.
  public init(
    output: any TextOutput, style: Style, redrawsProgress: Bool = false,
    width: @escaping () -> Int = { 80 },
    now: @escaping () -> ContinuousClock.Instant = { ContinuousClock.now }
  ) {
    self.output = output
    self.style = style
    self.redrawsProgress = redrawsProgress
    self.width = width
    self.now = now
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
    barDrawn = nil
    guard progressLineIsOpen else { return }
    progressLineIsOpen = false
    // After a Ctrl-C the signal handler has ended the line already (after the terminal's `^C`);
    // clearing the line below erases a redraw that slipped in after the handler's newline.
    output.write(Interrupt.isRequested ? Self.clearLine : "\n")
  }

  /// A carriage return and the escape code that erases the line: what starts a redraw.
  public static let clearLine = "\r\u{1B}[2K"

  /// A progress line: drawn over the previous one on a terminal (plain, cut to fit), else a line.
  private func progress(_ text: String) {
    guard redrawsProgress else { return line(text) }
    // After a Ctrl-C the handler has ended the line; a redraw now would reopen it unended.
    guard !Interrupt.isRequested else { return }
    let last = text.split(separator: "\n").last.map(String.init) ?? ""
    output.write(Self.clearLine + String(last.withoutEscapeCodes.prefix(redrawColumns)))
    progressLineIsOpen = true
  }

  /// Draws a training step's bar over the progress line: only on a terminal, never after a
  /// Ctrl-C, and at most once per ``barInterval`` (the first bar after other output at once).
  public func show(_ bar: TrainingBar) {
    guard redrawsProgress, !Interrupt.isRequested else { return }
    let instant = now()
    if let barDrawn, barDrawn.duration(to: instant) < Self.barInterval { return }
    barDrawn = instant
    output.write(Self.clearLine + bar.text(columns: redrawColumns, usesColor: style.usesColor))
    progressLineIsOpen = true
  }

  /// The columns a redrawn line may take: three short of the width, so the `^C` the terminal
  /// echoes after it still fits and the line never wraps.
  private var redrawColumns: Int { max(1, width() - 3) }
}
