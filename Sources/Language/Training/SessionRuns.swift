import Engine
import Foundation
import Learning

/// The runs of a session: every `fit` in order, the folder they are kept in, and the record of
/// evaluations on test data.
public final class SessionRuns {
  /// The runs so far, oldest first.
  public internal(set) var all: [RunObject] = []
  /// Where each finished fit is saved as `<id>.json` and `<id>.csv`, and where `runs(all: true)`
  /// finds earlier sessions' runs: `runs/` in the working folder at the prompt and for
  /// `trainbook run`, a scratch folder for a replay. None by default (tests keep runs in memory).
  public var store: RunStore?
  /// When set, receives the bar of every training step while a fit runs, for a live display
  /// (the prompt draws it at a terminal). Bars are never part of a cell's output.
  public var onTrainingStep: ((TrainingBar) -> Void)?
  /// Counts evaluations on test data and warns on a repeat after more training.
  public let testLedger = TestSetLedger()
  /// The last `loss_of` per model, with its graph, waiting for `backward`.
  var pendingLosses: [ObjectIdentifier: PendingLoss] = [:]

  init() {}

  /// Keeps the session's runs in `folder` (created on the first save), where `runs(all: true)`
  /// also finds the runs of earlier sessions.
  public func keep(in folder: URL) { store = RunStore(folder: folder) }

  /// Calls `body` with a new empty scratch folder and removes the folder afterwards: where a
  /// replay keeps its runs, so it records them as the prompt does without touching your runs.
  public static func withScratchFolder<Result>(
    _ body: (URL) throws -> Result
  ) throws -> Result {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("trainbook-runs-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try body(folder)
  }

  /// Forgets the runs (not the files saved).
  func reset() {
    all = []
    pendingLosses = [:]
  }

  /// The id of a run started at `createdAt`: a new one in the store (`20260101-120000-001`), or
  /// `run-N` for the session's N-th run when runs are kept in memory only.
  func newID(createdAt: Date) -> String {
    if let store, let id = try? store.makeID(createdAt: createdAt) { return id }
    return "run-\(all.count + 1)"
  }

  /// Adds `run` and, with a store, saves it there; returns a note when it could not be written.
  func record(_ run: RunObject) -> String? {
    all.append(run)
    guard let store else { return nil }
    do {
      try store.save(run.record)
      return nil
    } catch {
      return "note: the run was not saved to \(store.folder.lastPathComponent)/: \(error)"
    }
  }

  /// The store's runs, oldest first, with this session's own runs in place of their saved
  /// copies (so they can still be resumed), and a note per file that could not be read; only
  /// this session's runs when there is no store.
  func saved() -> (runs: [RunObject], notes: [String]) {
    guard let store else {
      return (all, ["note: this session keeps no runs folder; these are its own runs"])
    }
    let own = Dictionary(all.map { ($0.record.id, $0) }, uniquingKeysWith: { first, _ in first })
    var notes: [String] = []
    var runs: [RunObject] = []
    let ids: [String]
    do {
      ids = try store.ids()
    } catch {
      return (all, ["note: cannot list \(store.folder.lastPathComponent)/: \(error)"])
    }
    for id in ids {
      if let run = own[id] {
        runs.append(run)
        continue
      }
      do {
        runs.append(RunObject(try store.load(id: id), trainer: nil))
      } catch {
        notes.append("note: skipped \(error)")
      }
    }
    let listed = Set(ids)
    return (runs + all.filter { !listed.contains($0.record.id) }, notes)
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
