import Language

/// The language session as notebooks run it: each cell runs as if typed at the prompt, so its
/// diagnostics read `line 1, column 5: …` exactly as `:save` recorded them, whichever cells a
/// replay skips.
public final class SessionRunner: CellRunner {
  /// The session the cells run in.
  public let session: Session

  /// A fresh session whose generator starts from `seed` (a notebook's recorded seed).
  public init(session: Session = Session(), seed: UInt64? = nil) {
    self.session = session
    if let seed { session.setSeed(seed) }
  }

  /// Runs one cell in the session and returns what it printed.
  public func run(cell source: String) -> [OutputPiece] {
    session.run(source, origin: nil)
  }
}
