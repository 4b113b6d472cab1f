import Language

/// The language session as notebooks run it: each cell runs as if typed at the prompt, so its
/// diagnostics read `line 1, column 5: …` exactly as `:save` recorded them, whichever cells a
/// replay skips.
public final class SessionRunner: CellRunner {
  /// The session the cells run in.
  public let session: Session

  /// A fresh session whose generator starts from `seed` (a notebook's recorded seed), whose
  /// files, when `sandbox` is given, are confined to the sandbox's folder.
  public init(session: Session = Session(), seed: UInt64? = nil, sandbox: FileSandbox? = nil) {
    self.session = session
    if let seed { session.setSeed(seed) }
    if let sandbox { session.resolvePath = sandbox.resolve(_:for:) }
  }

  /// A fresh session for replaying `notebook`, stored at `path`: started from its recorded seed,
  /// with every file its code reads or writes confined to the notebook's folder.
  /// - Throws: `SandboxError` if the notebook's folder does not exist.
  public convenience init(for notebook: Notebook, at path: String) throws(SandboxError) {
    self.init(seed: notebook.metadata.seed, sandbox: try FileSandbox(notebookAt: path))
  }

  /// Runs one cell in the session, its training stopped at `stop` if given, and returns what it
  /// printed.
  public func run(cell source: String, stoppingTrainingAt stop: TrainingStop?) -> [OutputPiece] {
    session.stopsTrainingAt = stop
    return session.run(source, origin: nil)
  }
}
