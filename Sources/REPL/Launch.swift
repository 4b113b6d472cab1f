import Engine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension ReadEvalPrintLoop {
  /// Starts the prompt on the standard streams over `session` and returns when the learner
  /// leaves.
  ///
  /// With standard input and output both terminals it edits lines with libedit, keeps the
  /// history in ``HistoryFile``, and writes a live progress bar; otherwise it reads plain lines
  /// and writes a line per epoch. Colours follow ``Style/detect(isTerminal:environment:)``.
  public static func start(
    session: any InteractiveSession, commands: CommandRegistry = .standard,
    environment: [String: String]
  ) {
    let inputIsTerminal = isTerminal(STDIN_FILENO)
    let outputIsTerminal = isTerminal(STDOUT_FILENO)
    let output = StandardOutput()
    let style = Style.detect(isTerminal: outputIsTerminal, environment: environment)
    let width = terminalWidth() ?? 80
    let console = Console(
      output: output, style: style, redrawsProgress: outputIsTerminal, width: width)
    let progress = ProgressRenderer(isLive: outputIsTerminal, width: width, style: style)
    if inputIsTerminal { Interrupt.installHandler() }

    let reader: any LineReader
    let loopReference = LoopReference()
    if inputIsTerminal && outputIsTerminal {
      let completer = Completer(session: session, commands: commands)
      reader = EditLineReader(historyPath: HistoryFile.path(environment: environment)) {
        line, word in
        let text = loopReference.loop?.cellText(endingWith: line) ?? line
        return completer.replacements(of: word, textBeforeCursor: text)
      }
      console.line("trainbook \(Trainbook.version): type :help for help, :quit or Ctrl-D to leave")
    } else {
      let input = StandardInputLines()
      reader = PlainLineReader(output: output, echoesInput: !inputIsTerminal, nextLine: input.next)
    }
    let loop = ReadEvalPrintLoop(
      session: session, reader: reader, console: console, commands: commands, progress: progress)
    loopReference.loop = loop
    loop.run()
  }
}

/// Lets the completion function, made before the loop, find the loop's unfinished cell.
private final class LoopReference {
  weak var loop: ReadEvalPrintLoop?
}
