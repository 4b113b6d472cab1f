import Foundation
import Support

#if canImport(Glibc)
  import Glibc
#endif

/// Saves the whole training state (weights, optimizer, schedule, position, callbacks; see
/// `Trainer.saveState`) every `every` epochs, so a fit killed at any moment resumes from its
/// last save and ends with the same weights as a fit that never stopped.
///
/// Each save replaces `url` atomically. With `keep` above 1, the last `keep` saves also stay as
/// `<name>-epoch-<N>.<extension>` beside it (older ones are removed). Put it after every other
/// callback, so the state it saves includes what they did at the epoch's end.
public final class TrainingStateCheckpoint: Callback {
  /// The file of the latest state.
  public let url: URL
  /// How many epochs pass between saves.
  public let every: Int
  /// How many numbered saves stay (1: only `url`).
  public let keep: Int

  /// A checkpoint of the training state to `url` every `every` epochs, keeping `keep`.
  public init(url: URL, every: Int = 1, keep: Int = 1) {
    self.url = url
    self.every = max(every, 1)
    self.keep = max(keep, 1)
  }

  /// Saves the state after every `every`th epoch (counted over the whole run).
  public func epochEnded(_ record: EpochRecord, trainer: Trainer) throws -> CallbackDecision {
    guard record.epoch % every == 0 else { return .proceed }
    try trainer.saveState(to: url)
    if keep > 1 { try keepNumbered(epoch: record.epoch) }
    return .proceed
  }

  /// The numbered file of the save after `epoch`.
  public func numberedURL(epoch: Int) -> URL {
    let stem = url.deletingPathExtension().lastPathComponent
    let suffix = url.pathExtension.isEmpty ? "" : "." + url.pathExtension
    return url.deletingLastPathComponent()
      .appendingPathComponent("\(stem)-epoch-\(epoch)\(suffix)")
  }

  /// Links the save just made as its numbered file (replacing one left by an earlier run), then
  /// removes the numbered saves beyond the last `keep`.
  private func keepNumbered(epoch: Int) throws {
    let numbered = numberedURL(epoch: epoch)
    unlink(numbered.path)
    if link(url.path, numbered.path) != 0 {
      throw FileWriteError(path: numbered.path, reason: String(cString: strerror(errno)))
    }
    let folder = url.deletingLastPathComponent()
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    let saved = names.compactMap { name -> Int? in
      let candidate = folder.appendingPathComponent(name)
      guard let number = Int(name.split(separator: "-").last?.split(separator: ".").first ?? ""),
        numberedURL(epoch: number).lastPathComponent == candidate.lastPathComponent
      else { return nil }
      return number
    }.sorted()
    for old in saved.dropLast(keep) { unlink(numberedURL(epoch: old).path) }
  }
}
