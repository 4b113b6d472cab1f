import REPL
import Testing

/// Runs `script` at a prompt over `session` through the plain reader and returns everything the
/// prompt wrote, prompts and echoed input included.
func transcript(
  of script: String, session: FakeSession = FakeSession(), commands: CommandRegistry = .standard
) -> String {
  let output = CapturedOutput()
  let reader = PlainLineReader(script: script, output: output)
  let loop = ReadEvalPrintLoop(
    session: session, reader: reader, console: Console(output: output, style: .plain),
    commands: commands)
  loop.run()
  return output.text
}

/// Records an issue naming the first line where `actual` and `expected` differ.
func expectSameLines(
  _ actual: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  guard actual != expected else { return }
  let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
  let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
  let line =
    zip(actualLines, expectedLines).enumerated().first { $1.0 != $1.1 }?.offset
    ?? min(actualLines.count, expectedLines.count)
  let got = line < actualLines.count ? String(reflecting: String(actualLines[line])) : "(nothing)"
  let wanted =
    line < expectedLines.count ? String(reflecting: String(expectedLines[line])) : "(nothing)"
  Issue.record(
    "line \(line + 1) differs:\n  expected \(wanted)\n  got      \(got)\nwhole output:\n\(actual)",
    sourceLocation: sourceLocation)
}
