import Language
import Notebook

/// A command typed at the prompt after a colon, such as `:vars`: something about the session
/// rather than a line of the language.
///
/// Each command is one file that defines a static member of this type; ``CommandRegistry``
/// lists them. Commands added later (`:save`, `:load`, `:lesson`) follow the same pattern.
public struct ColonCommand: Sendable {
  /// The name typed after the colon.
  public var name: String
  /// What follows the name, as `:help` shows it, such as `[count]`; empty for none.
  public var arguments: String
  /// One line saying what the command does.
  public var summary: String
  /// Whether the argument is a file name (Tab then completes file names).
  public var takesFileName: Bool
  /// Runs the command with the text after its name (trimmed; empty when none was given).
  public var perform: @Sendable (_ argument: String, _ context: CommandContext) -> Void

  /// Creates a command.
  public init(
    name: String, arguments: String = "", summary: String, takesFileName: Bool = false,
    perform: @escaping @Sendable (_ argument: String, _ context: CommandContext) -> Void
  ) {
    self.name = name
    self.arguments = arguments
    self.summary = summary
    self.takesFileName = takesFileName
    self.perform = perform
  }
}

/// What a command can see and change: the session, the history, the cells run so far, the
/// console, and whether the prompt should end.
public final class CommandContext {
  /// The language session.
  public let session: any InteractiveSession
  /// The line reader, for its history.
  public let reader: any LineReader
  /// Where to write.
  public let console: Console
  /// Every command, for `:help`.
  public let commands: CommandRegistry
  /// The cells run since the start (or the last `:reset`), with what each printed.
  public internal(set) var cells: [RecordedCell] = []
  /// How many of `cells` the last `:save` wrote; the ones after it are unsaved work.
  public internal(set) var savedCellCount = 0
  /// Set by a command to end the prompt after it returns.
  public var shouldQuit = false
  /// The folder the session's files are confined to (the notebook's while `:load` runs one), or
  /// nil when paths are used as written.
  public internal(set) var folder: String?
  /// The files the session has written since it started, as opened: reading one back needs no
  /// file from before the session.
  var writtenFiles: Set<String> = []

  /// Creates a context.
  public init(
    session: any InteractiveSession, reader: any LineReader, console: Console,
    commands: CommandRegistry
  ) {
    self.session = session
    self.reader = reader
    self.console = console
    self.commands = commands
  }
}

extension CommandContext {
  /// Confines the session's files to `files`'s folder, by the same rules and with the same
  /// messages as a notebook's replay.
  public func confineFiles(to files: FileSandbox) {
    session.resolvePath = files.resolve(_:for:)
    folder = files.folder
  }

  /// How many cells were run since the last `:save` (or the start).
  public var unsavedCellCount: Int { cells.count - savedCellCount }

  /// Forgets every variable, run and recorded cell, as if the prompt had just started; the
  /// history of typed lines stays.
  func startFreshSession() {
    session.reset()
    cells = []
    savedCellCount = 0
    writtenFiles = []
  }

  /// Runs `source` as a cell typed at the prompt, its output shown piece by piece through the
  /// session's `onOutput` as it runs, its training stopped at `stop` when one is given (a
  /// notebook's recorded Ctrl-C), and adds it to `cells` with where Ctrl-C stopped it. Returns
  /// what it printed and whether the learner pressed Ctrl-C while it ran.
  @discardableResult
  public func runCell(_ source: String, stoppingTrainingAt stop: TrainingStop? = nil) -> (
    outputs: [OutputPiece], interrupted: Bool
  ) {
    Interrupt.clear()
    session.stopsTrainingAt = stop
    var readsOlderFiles = false
    let resolve = session.resolvePath
    session.resolvePath = { [unowned self] path, use in
      let opened = try resolve(path, use)
      if use == .write {
        writtenFiles.insert(opened)
      } else if !writtenFiles.contains(opened) {
        readsOlderFiles = true
      }
      return opened
    }
    let outputs = Interrupt.whileRunningCell { session.run(source, origin: nil) }
    session.resolvePath = resolve
    console.closeProgressLine()
    let stopped = Interrupt.isRequested
    let interruption: CellInterruption? =
      if let point = session.interruption { .training(point) } else {
        stopped ? .outsideTraining : nil
      }
    cells.append(
      RecordedCell(
        source: source, outputs: outputs, interruption: interruption,
        readsFrom: readsOlderFiles ? folder : nil))
    return (outputs, stopped && (stop == nil || session.interruption != stop))
  }
}
