import Foundation
import Language
import Notebook
import Support

/// Training progress in Jupyter: one `display_data` per fit, named by a `display_id`, redrawn
/// with `update_display_data` as epochs end and steps go by (a live bar in JupyterLab), at most
/// ten times a second, and left showing the fit's last epoch line when the fit's summary follows.
final class ProgressDisplay {
  /// The shortest time between two redraws.
  static let interval = Duration.milliseconds(100)

  private let send: (_ type: String, _ content: JSONValue) -> Void
  private let now: () -> ContinuousClock.Instant
  private var displayID: String?
  private var epochLine = ""
  private var bar: TrainingBar?
  private var lastDrawn: ContinuousClock.Instant?
  private var isHeldBack = false

  /// A display that sends its messages (type and content) with `send`, timed by `now`.
  init(
    send: @escaping (_ type: String, _ content: JSONValue) -> Void,
    now: @escaping () -> ContinuousClock.Instant = { ContinuousClock.now }
  ) {
    self.send = send
    self.now = now
  }

  /// Shows an epoch's progress line (the bar, if any, goes until the next step).
  func show(_ line: String) {
    epochLine = line
    bar = nil
    draw()
  }

  /// Shows a training step's bar under the last epoch line.
  func show(_ bar: TrainingBar) {
    self.bar = bar
    draw()
  }

  /// Draws the last epoch line, if held back, and ends the display: the next progress opens a
  /// new one.
  func close() {
    if displayID != nil, isHeldBack || bar != nil {
      bar = nil
      write()
    }
    displayID = nil
    epochLine = ""
    bar = nil
    lastDrawn = nil
    isHeldBack = false
  }

  private func draw() {
    let instant = now()
    if displayID != nil, let lastDrawn, lastDrawn.duration(to: instant) < Self.interval {
      isHeldBack = true
      return
    }
    lastDrawn = instant
    write()
  }

  private func write() {
    isHeldBack = false
    let text = ([epochLine] + [bar.map { $0.text(columns: 100) }].compactMap { $0 })
      .filter { !$0.isEmpty }.joined(separator: "\n")
    let isNew = displayID == nil
    let id = displayID ?? UUID().uuidString.lowercased()
    displayID = id
    guard case .object(var members) = JupyterOutput(.progress(text)).messageContent() else {
      return
    }
    members.removeAll { $0.0 == "transient" }
    members.append(("transient", .object([("display_id", .string(id))])))
    send(isNew ? "display_data" : "update_display_data", .object(members))
  }
}
