import Foundation
import Language

/// Collects the cells a session runs, with what each printed, so `:save FILE` can write them as
/// a notebook.
///
/// A cell that fails is recorded with an `expect-error` marker holding the first line of its
/// error, so replaying the saved notebook expects the same failure instead of stopping there.
public final class NotebookRecorder {
  /// The cells recorded so far, in the order they ran.
  public private(set) var cells: [CodeCell] = []
  /// The seed the session started with, written into the notebook's metadata.
  public let seed: UInt64?

  /// Creates an empty recorder for a session that started with `seed`.
  public init(seed: UInt64? = nil) {
    self.seed = seed
  }

  /// Records that `source` ran and printed `outputs`, stopped by Ctrl-C as `interruption` says.
  public func record(
    source: String, outputs: [OutputPiece], interruption: CellInterruption? = nil
  ) {
    let pieces = recorded(outputs)
    var markers = CellMarkers(interruption: interruption)
    if let error = pieces.lazy.compactMap(\.errorMessage).first {
      markers.expectedError = markerText(error)
    }
    cells.append(CodeCell(source: source, markers: markers, outputs: pieces))
  }

  /// Forgets every recorded cell (after `:reset`).
  public func clear() {
    cells = []
  }

  /// The recorded session as a notebook stamped with this version and the current time.
  public func notebook() -> Notebook {
    Notebook(metadata: .now(seed: seed), blocks: cells.map(NotebookBlock.cell))
  }
}

extension RecordedPiece {
  /// The message if this piece is an error.
  var errorMessage: String? {
    if case .error(let message) = self { message } else { nil }
  }
}

/// The first non-blank line of an error message, cut before any `--` so that it fits inside an
/// HTML comment, for an `expect-error` marker.
func markerText(_ message: String) -> String {
  let line = message.split(separator: "\n").first { !$0.allSatisfy(\.isWhitespace) } ?? ""
  let cut = line.range(of: "--").map { line[..<$0.lowerBound] } ?? line[...]
  return cut.trimmingCharacters(in: .whitespaces)
}
