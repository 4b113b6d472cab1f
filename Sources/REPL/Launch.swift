import Engine
import Support

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension ReadEvalPrintLoop {
  /// Starts the prompt on the standard streams over `session` and returns when the learner
  /// leaves.
  ///
  /// With standard input and output both terminals it edits lines with libedit and keeps the
  /// history in ``HistoryFile``; otherwise it reads plain lines. Progress redraws one line on a
  /// terminal. Colours follow ``Style/detect(isTerminal:environment:)``. The session must use
  /// ``Interrupt/flag`` as its cancellation flag.
  public static func start(
    session: any InteractiveSession, commands: CommandRegistry = .standard,
    environment: [String: String]
  ) {
    let inputIsTerminal = isTerminal(STDIN_FILENO)
    let outputIsTerminal = isTerminal(STDOUT_FILENO)
    let output = StandardOutput()
    let style = Style.detect(isTerminal: outputIsTerminal, environment: environment)
    let console = Console(
      output: output, style: style, redrawsProgress: outputIsTerminal,
      width: { terminalWidth() ?? 80 })
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
      session: session, reader: reader, console: console, commands: commands)
    loopReference.loop = loop
    loop.run()
  }
}

/// Lets the completion function, made before the loop, find the loop's unfinished cell.
private final class LoopReference {
  weak var loop: ReadEvalPrintLoop?
}
