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
  /// Whether `fit` has warned that it trains on a validation or test part (it warns once).
  var hasWarnedOfHeldOutTraining = false
  /// The last `loss_of` per model, with its graph, waiting for `backward`.
  var pendingLosses: [ObjectIdentifier: PendingLoss] = [:]

  init() {}

  /// Forgets the runs (not the files saved).
  func reset() {
    all = []
    pendingLosses = [:]
    hasWarnedOfHeldOutTraining = false
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

/// A `loss_of` waiting for `backward`: the loss with its graph, and the bits of the model's
/// weights (and running statistics) just after its forward pass, so that `backward` can refuse a
/// graph that `update`, `step`, `fit` or `load_weights` has since made out of date.
struct PendingLoss {
  /// The loss, whose graph `backward` walks.
  let loss: Tensor
  /// The bit patterns of every tensor of the model's `state_dict` when the loss was computed.
  let weights: [[UInt32]]

  /// The pending `loss` of `model`, as its weights are now.
  init(_ loss: Tensor, of model: Sequential) {
    self.loss = loss
    weights = Self.bits(of: model)
  }

  /// Whether `model`'s weights are still those the loss was computed with.
  func isCurrent(for model: Sequential) -> Bool { weights == Self.bits(of: model) }

  private static func bits(of model: Sequential) -> [[UInt32]] {
    model.stateDict().map { $0.values.map(\.bitPattern) }
  }
}
