import Language

/// The one line a terminal redraws in place while a cell runs: progress lines and training bars
/// drawn over each other, at most once per ``interval``, never as wide as the terminal.
///
/// A redraw that comes too soon after the last is held back and replaced by the next; when the
/// line closes, the held-back one is drawn, so the line always ends showing the latest progress
/// (an epoch's line, after its bars). After a Ctrl-C nothing is drawn: the signal handler has
/// ended the line after the terminal's `^C`.
final class RedrawnLine {
  /// What the line shows.
  enum Content {
    /// A progress line, plain.
    case text(String)
    /// A training step's bar.
    case bar(TrainingBar)
  }

  /// The shortest time between two redraws: at most 20 a second.
  static let interval = Duration.milliseconds(50)

  private let output: any TextOutput
  private let usesColor: Bool
  private let width: () -> Int
  private let now: () -> ContinuousClock.Instant
  private var isOpen = false
  private var lastDrawn: ContinuousClock.Instant?
  private var heldBack: Content?

  /// A line written to `output`, as wide as `width` allows, timed by the monotonic clock `now`.
  init(
    output: any TextOutput, usesColor: Bool, width: @escaping () -> Int,
    now: @escaping () -> ContinuousClock.Instant
  ) {
    self.output = output
    self.usesColor = usesColor
    self.width = width
    self.now = now
  }

  /// Draws `content` over the line now, or holds it back if the last redraw was too recent.
  func draw(_ content: Content) {
    guard !Interrupt.isRequested else { return }
    let instant = now()
    if let lastDrawn, lastDrawn.duration(to: instant) < Self.interval {
      heldBack = content
      return
    }
    write(content, at: instant)
  }

  /// Draws what was held back and ends the line, if one is open, so what follows starts on a
  /// new line; the next redraw is drawn at once.
  func close() {
    if let heldBack, !Interrupt.isRequested { write(heldBack, at: now()) }
    heldBack = nil
    lastDrawn = nil
    guard isOpen else { return }
    isOpen = false
    // After a Ctrl-C, clearing the line erases a redraw that slipped in after the handler's
    // newline; otherwise the line ends.
    output.write(Interrupt.isRequested ? Console.clearLine : "\n")
  }

  private func write(_ content: Content, at instant: ContinuousClock.Instant) {
    heldBack = nil
    lastDrawn = instant
    // Three columns short of the width, so the `^C` the terminal echoes after it still fits.
    let columns = max(1, width() - 3)
    let text =
      switch content {
      case .text(let text): String(text.prefix(columns))
      case .bar(let bar): bar.text(columns: columns, usesColor: usesColor)
      }
    output.write(Console.clearLine + text)
    isOpen = true
  }
}
