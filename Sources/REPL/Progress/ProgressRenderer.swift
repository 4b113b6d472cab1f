/// Turns training progress events into the text the prompt writes.
///
/// On a terminal (`isLive`) one line is redrawn in place with `\r`: the epoch, a bar over the
/// epoch's batches, the loss, validation loss, metrics and elapsed time; elsewhere one line is
/// written per finished epoch. Both end with a summary: epochs run, time, best epoch, final
/// numbers. The renderer only maps events to text (deterministically, so tests can compare it);
/// it redraws at most every ``redrawInterval`` seconds of training time so a fast run does not
/// flood the terminal.
public struct ProgressRenderer {
  /// Whether to redraw one line in place (a terminal) rather than write a line per epoch.
  public var isLive: Bool
  /// The terminal's width in columns; live lines are cut to one column less, so they never wrap.
  public var width: Int
  /// The colours to use.
  public var style: Style
  /// The least training time, in seconds, between two redraws within an epoch.
  public var redrawInterval = 0.1
  /// The number of cells in the live bar.
  public var barWidth = 20

  private var lastDrawn: Double?

  /// Creates a renderer.
  public init(isLive: Bool, width: Int = 80, style: Style = .plain) {
    self.isLive = isLive
    self.width = width
    self.style = style
  }

  /// The text to write for `event` (empty when nothing should change on screen).
  public mutating func text(for event: ProgressEvent) -> String {
    switch event {
    case .batch(let progress):
      guard isLive, shouldRedraw(progress) else { return "" }
      lastDrawn = progress.elapsed
      return redrawn(liveLine(progress))
    case .epoch(let progress):
      lastDrawn = progress.elapsed
      return isLive ? redrawn(liveLine(progress)) : epochLine(progress) + "\n"
    case .finished(let summary):
      lastDrawn = nil
      return (isLive ? Console.clearLine : "") + summaryText(summary)
    }
  }

  private func shouldRedraw(_ progress: ProgressReport) -> Bool {
    guard let lastDrawn, progress.batch != progress.batches else { return true }
    return progress.elapsed - lastDrawn >= redrawInterval
  }

  /// `line`, cut to fit, drawn over the current line.
  private func redrawn(_ line: (plain: String, colored: String)) -> String {
    let limit = max(1, width - 1)
    return Console.clearLine
      + (line.plain.count <= limit ? line.colored : String(line.plain.prefix(limit)))
  }

  /// The live line, without and with colour: `epoch 3/200 ████░░░░ 12/25  loss 0.41  …  1.2s`.
  private func liveLine(_ progress: ProgressReport) -> (plain: String, colored: String) {
    let filled = progress.batches > 0 ? barWidth * progress.batch / progress.batches : barWidth
    let clamped = min(max(filled, 0), barWidth)
    let bar = String(repeating: "█", count: clamped)
    let rest = String(repeating: "░", count: barWidth - clamped)
    let head = "epoch \(padded(progress.epoch, like: progress.epochs))/\(progress.epochs) "
    let tail =
      " \(padded(progress.batch, like: progress.batches))/\(progress.batches)  "
      + numbers(progress) + "  " + duration(progress.elapsed)
    return (head + bar + rest + tail, head + style.series(0, bar) + style.dim(rest) + tail)
  }

  /// The line written per epoch off a terminal: `epoch  3/200  loss 0.41  val_loss 0.45  1.2s`.
  private func epochLine(_ progress: ProgressReport) -> String {
    "epoch \(padded(progress.epoch, like: progress.epochs))/\(progress.epochs)  "
      + numbers(progress) + "  " + duration(progress.elapsed)
  }

  /// `loss 0.4123  val_loss 0.4432  accuracy 0.912`.
  private func numbers(_ progress: ProgressReport) -> String {
    var parts = ["loss \(fourDigits(progress.loss))"]
    if let validation = progress.validationLoss {
      parts.append("val_loss \(fourDigits(validation))")
    }
    parts += progress.metrics.map { "\($0.name) \(fourDigits($0.value))" }
    return parts.joined(separator: "  ")
  }

  /// The summary: what ran, for how long, the best epoch and the final numbers.
  private func summaryText(_ summary: TrainingSummary) -> String {
    let epochs = summary.epochsRun == 1 ? "1 epoch" : "\(summary.epochsRun) epochs"
    var first: String
    if let reason = summary.stopReason {
      first = "stopped after \(epochs) of \(summary.epochs) (\(reason)) in "
      first = style.error(first + duration(summary.elapsed))
    } else {
      first = "trained \(epochs) in \(duration(summary.elapsed))"
    }
    if let best = summary.bestEpoch, let loss = summary.bestLoss {
      let name = summary.final?.validationLoss == nil ? "loss" : "val_loss"
      first += "; best epoch \(best) (\(name) \(fourDigits(loss)))"
    }
    guard let final = summary.final else { return first + "\n" }
    return first + "\n" + style.dim("final: " + numbers(final)) + "\n"
  }

  /// `number` right-aligned to the width of `widest`.
  private func padded(_ number: Int, like widest: Int) -> String {
    let text = String(number)
    return String(repeating: " ", count: max(0, String(widest).count - text.count)) + text
  }
}
