/// Where a fit is within an epoch, as the prompt's live bar shows it at a terminal:
/// `epoch  3/20  ███████████▌········  41/63  loss 0.3012  elapsed 0:04  eta 0:12`.
///
/// The bar is only ever drawn over itself on a terminal; it is never part of a cell's output, so
/// notebooks, scripts and pipes see the per-epoch lines alone.
public struct TrainingBar: Sendable, Equatable {
  /// The epoch in progress, counting from 1.
  public var epoch: Int
  /// The epochs the fit runs to.
  public var epochs: Int
  /// The steps done in this epoch, counting from 1.
  public var step: Int
  /// The steps in an epoch.
  public var steps: Int
  /// The epoch's mean training loss so far, each batch weighted by its size (at the last step,
  /// the epoch line's `loss`).
  public var loss: Double
  /// Seconds since the fit started.
  public var elapsed: Double
  /// Estimated seconds until the fit ends, when there is an estimate.
  public var remaining: Double?

  /// Creates the state of a bar.
  public init(
    epoch: Int, epochs: Int, step: Int, steps: Int, loss: Double, elapsed: Double,
    remaining: Double? = nil
  ) {
    self.epoch = epoch
    self.epochs = epochs
    self.step = step
    self.steps = steps
    self.loss = loss
    self.elapsed = elapsed
    self.remaining = remaining
  }

  /// The widest the bar itself grows, in columns (as Keras's progress bar).
  static let widestBar = 30
  /// The narrowest bar kept before the parts after it are dropped.
  static let narrowestBar = 10

  /// The line in at most `columns` characters (each one column wide), so it never wraps.
  ///
  /// The bar shrinks first (from 30 columns to 10); then the parts after it are dropped in this
  /// order: elapsed time, estimate, step count, loss; then the bar shrinks to nothing, and last
  /// the epoch is cut. With `usesColor`, the filled part of the bar is cyan and the rest dim.
  public func text(columns: Int, usesColor: Bool = false) -> String {
    let head = "epoch \(rightAligned(epoch, toWidthOf: epochs))/\(epochs)"
    // The parts after the bar, each with the rank in which it is dropped (first dropped first).
    var tail: [(rank: Int, text: String)] = [
      (3, "\(rightAligned(step, toWidthOf: steps))/\(steps)"),
      (4, "loss \(NumberFormat.format(loss))"), (1, "elapsed \(Self.clock(elapsed))"),
    ]
    if let remaining { tail.append((2, "eta \(Self.clock(remaining))")) }
    var barWidth: Int { columns - head.count - tail.reduce(2) { $0 + $1.text.count + 2 } }
    while barWidth < Self.narrowestBar,
      let dropped = tail.indices.min(by: { tail[$0].rank < tail[$1].rank })
    {
      tail.remove(at: dropped)
    }
    let width = min(Self.widestBar, barWidth)
    guard width > 0 else { return String(head.prefix(max(0, columns))) }
    let (filled, empty) = Self.bar(width: width, fraction: Double(step) / Double(max(steps, 1)))
    let paint = { (code: String, text: String) in
      usesColor && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
    let bar = paint("36", filled) + paint("2", empty)
    return ([head, bar] + tail.map(\.text)).joined(separator: "  ")
  }

  /// A bar `width` columns wide filled to `fraction` (0 to 1) in eighths of a column: the filled
  /// blocks and the dotted rest.
  package static func bar(width: Int, fraction: Double) -> (filled: String, empty: String) {
    let eighths = Int((min(max(fraction, 0), 1) * Double(width * 8)).rounded(.down))
    let partials = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    let partial = partials[eighths % 8]
    let filled = String(repeating: "█", count: eighths / 8) + partial
    let emptyCount = width - eighths / 8 - (partial.isEmpty ? 0 : 1)
    return (filled, String(repeating: "·", count: emptyCount))
  }

  /// Seconds as a clock: `0:07`, `12:34`, `1:02:03`.
  package static func clock(_ seconds: Double) -> String {
    let whole = seconds.isFinite ? Int(min(max(0, seconds), 1e9).rounded()) : 0
    let (hours, minutes, rest) = (whole / 3600, whole / 60 % 60, whole % 60)
    let twoDigits = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
    return hours > 0
      ? "\(hours):\(twoDigits(minutes)):\(twoDigits(rest))" : "\(minutes):\(twoDigits(rest))"
  }

}

/// `value` right-aligned to the width of `widest` (`  7/63`), so a line that counts does not
/// jitter.
func rightAligned(_ value: Int, toWidthOf widest: Int) -> String {
  let text = String(value)
  return String(repeating: " ", count: max(0, String(widest).count - text.count)) + text
}
