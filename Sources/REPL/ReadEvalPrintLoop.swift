import Language
import Notebook

/// The prompt: reads cells (continuing on `...>` while brackets are open), runs them in the
/// session, shows what they printed, and handles `:commands`, Ctrl-C and Ctrl-D.
public final class ReadEvalPrintLoop {
  /// The prompt of a new cell.
  public static let prompt = "trainbook> "
  /// The prompt of a cell's further lines, aligned under the first.
  public static let continuationPrompt = "   ...> "

  private let session: any InteractiveSession
  private let reader: any LineReader
  private let console: Console
  private let context: CommandContext
  /// The lines of the cell being typed, before the line at the cursor.
  private(set) var pendingLines: [String] = []
  private var inputEnded = false

  /// Creates a prompt over `session` that reads with `reader`, writes to `console` and offers
  /// `commands`; with `files`, the session reads and writes files only in its folder, by the
  /// same rules and with the same messages as a notebook's replay (without, paths are used as
  /// written).
  public init(
    session: any InteractiveSession, reader: any LineReader, console: Console,
    commands: CommandRegistry = .standard, files: FileSandbox? = nil
  ) {
    self.session = session
    self.reader = reader
    self.console = console
    context = CommandContext(
      session: session, reader: reader, console: console, commands: commands)
    if let files { context.confineFiles(to: files) }
  }

  /// The cells run so far, with their outputs.
  public var cells: [RecordedCell] { context.cells }

  /// Runs until `:quit`, Ctrl-D or the end of the input.
  public func run() {
    session.onOutput = { [unowned self] piece in console.show([piece]) }
    if console.redrawsProgress {
      session.onTrainingStep = { [unowned self] bar in console.show(bar) }
    }
    while !context.shouldQuit, !inputEnded, let cell = readCell() {
      if reader.history.last != cell { reader.remember(cell) }  // no repeats in a row
      if pendingLines.isEmpty, let command = TypedCommand(line: cell) {
        context.perform(command)
      } else {
        evaluate(cell)
      }
      pendingLines = []
    }
  }

  /// The text of the unfinished cell before the cursor's line, joined with newlines, followed
  /// by `line`: what completion looks at.
  public func cellText(endingWith line: String) -> String {
    (pendingLines + [line]).joined(separator: "\n")
  }

  /// Reads lines until they make a whole cell or a `:command`; `nil` at the end of the input.
  private func readCell() -> String? {
    pendingLines = []
    while true {
      let prompt = pendingLines.isEmpty ? Self.prompt : Self.continuationPrompt
      switch reader.readLine(prompt: console.style.prompt(prompt)) {
      case .endOfInput:
        // An unfinished cell still runs, so its error (an unclosed bracket) is shown.
        inputEnded = true
        return pendingLines.isEmpty ? nil : pendingLines.joined(separator: "\n")
      case .interrupted:
        pendingLines = []
      case .line(let line):
        if pendingLines.isEmpty {
          if line.allSatisfy(\.isWhitespace) { continue }
          if TypedCommand(line: line) != nil { return line }
        }
        pendingLines.append(line)
        let cell = pendingLines.joined(separator: "\n")
        if session.isComplete(cell) { return cell }
      }
    }
  }

  private func evaluate(_ cell: String) {
    context.runCell(cell)
    Interrupt.clear()
  }
}
