import Foundation
import Language
import Notebook

/// What running one exercise file gave: whether every statement ran and every `expect` held,
/// the first failure's message (with the values the failed `expect` saw), what it printed, and
/// how long it took.
public struct ExerciseRun: Sendable {
  /// Whether the file ran to its end without an error or a failed `expect`.
  public var passed: Bool
  /// The first error, rendered with its line, caret and values; `nil` when it passed.
  public var failure: String?
  /// Everything the file printed before it stopped (text, charts' terminal rendering).
  public var printed: [String]
  /// Wall-clock seconds the run took.
  public var seconds: Double

  /// Runs `source` in a fresh session; diagnostics name `origin`. Relative file paths in the
  /// code resolve against `folder`, so an exercise's checkpoints land beside it, and are
  /// confined to it as a notebook's are (an exercise may come from someone else).
  public init(source: String, origin: String, folder: String) {
    let session = Session()
    session.resolvePath = confinedPaths(to: folder)
    let start = Date()
    let outputs = session.run(source, origin: origin)
    seconds = Date().timeIntervalSince(start)
    var failure: String?
    var printed: [String] = []
    for piece in outputs {
      switch piece {
      case .text(let text): printed.append(text)
      case .chart(let terminal, _): printed.append(terminal)
      case .error(let message): failure = failure ?? message
      case .progress, .timing: break
      }
    }
    self.failure = failure
    self.printed = printed
    passed = failure == nil
  }
}

/// The path rule of code run for a lesson: files only inside `folder` (see `FileSandbox`), or
/// none at all if the folder is missing.
func confinedPaths(to folder: String) -> (String, FileUse) throws -> String {
  do {
    return try FileSandbox(folder: folder).resolve(_:for:)
  } catch {
    return { _, _ in throw error }
  }
}
