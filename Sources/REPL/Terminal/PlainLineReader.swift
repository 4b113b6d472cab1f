/// Reads lines with no editing and no escape codes: for pipes, scripts and tests.
///
/// It writes the prompt, and when the input is not typed at a terminal it also writes the line
/// it read after the prompt, so the output reads like the session a learner would have seen.
public final class PlainLineReader: LineReader {
  private let nextLine: () -> LineRead
  private let output: any TextOutput
  private let echoesInput: Bool
  /// The entries remembered in this run (a plain reader keeps no history file).
  public private(set) var history: [String] = []

  /// Creates a reader that takes lines from `nextLine` and writes prompts, and the lines
  /// themselves when `echoesInput`, to `output`.
  public init(output: any TextOutput, echoesInput: Bool, nextLine: @escaping () -> LineRead) {
    self.nextLine = nextLine
    self.output = output
    self.echoesInput = echoesInput
  }

  /// A reader of `script`'s lines, echoed as if typed: the reader of transcript tests.
  public convenience init(script: String, output: any TextOutput) {
    var lines = script.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    var remaining = lines[...]
    self.init(output: output, echoesInput: true) {
      remaining.popFirst().map(LineRead.line) ?? .endOfInput
    }
  }

  /// Writes `prompt`, then returns the next line, or `.endOfInput` after the last.
  public func readLine(prompt: String) -> LineRead {
    output.write(prompt)
    let read = nextLine()
    switch read {
    case .line(let line): if echoesInput { output.write(line + "\n") }
    case .interrupted, .endOfInput: output.write("\n")
    }
    return read
  }

  /// Adds `entry` to this run's history.
  public func remember(_ entry: String) { history.append(entry) }
}
