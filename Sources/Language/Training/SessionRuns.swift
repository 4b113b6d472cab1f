import Engine
import Foundation
import Learning

/// The runs of a session: every `fit` in order, whether they are also saved to a `runs/` folder,
/// and the record of evaluations on test data.
public final class SessionRuns {
  /// The runs so far, oldest first.
  public internal(set) var all: [RunObject] = []
  /// Whether each finished fit is saved as `runs/<id>.json` and `.csv` (through the session's
  /// path hook, so a notebook's runs go beside it). Off by default; the prompt turns it on.
  public var savesToDisk = false
  /// When set, receives the bar of every training step while a fit runs, for a live display
  /// (the prompt draws it at a terminal). Bars are never part of a cell's output.
  public var onTrainingStep: ((TrainingBar) -> Void)?
  /// Counts evaluations on test data and warns on a repeat after more training.
  public let testLedger = TestSetLedger()
  /// The loss of the last `loss_of` per model, with its graph, waiting for `backward`.
  var pendingLosses: [ObjectIdentifier: Tensor] = [:]

  init() {}

  /// Forgets the runs (not the files saved).
  func reset() {
    all = []
    pendingLosses = [:]
  }

  /// Adds `run` and, when saving is on, writes it to `runs/` in the session's folder; returns a
  /// note when it could not be written.
  func record(_ run: RunObject, context: CallContext) -> String? {
    all.append(run)
    guard savesToDisk else { return nil }
    do {
      let folder = try context.url(for: "runs", argument: "name")
      let store = RunStore(folder: folder)
      run.record.id = try store.makeID(createdAt: run.record.created)
      try store.save(run.record)
      return nil
    } catch {
      return "note: the run was not saved to runs/: \(error)"
    }
  }
}
