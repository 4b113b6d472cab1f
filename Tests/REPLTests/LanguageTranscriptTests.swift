import Language
import REPL
import Testing

/// The prompt over the real language session: continuation lines, streamed output, `:vars`,
/// located diagnostics, and completion from the session's own names. (An extension of
/// `TranscriptTests`, so that it too runs serially with the other users of Ctrl-C's flag.)
extension TranscriptTests {
  static func languageTranscript(of script: String) -> String {
    let output = CapturedOutput()
    let loop = ReadEvalPrintLoop(
      session: Session(cancellation: Interrupt.flag),
      reader: PlainLineReader(script: script, output: output),
      console: Console(output: output, style: .plain))
    loop.run()
    return output.text
  }

  @Test func aSessionAtThePrompt() {
    expectSameLines(
      Self.languageTranscript(
        of: """
          x = 3
          for i in [1, 2] {
            print("i is {i}", x *
              i)
          }
          :vars
          frobnicate(1)

          """),
      """
      trainbook> x = 3
      x: 3
      trainbook> for i in [1, 2] {
         ...>   print("i is {i}", x *
         ...>     i)
         ...> }
      i is 1 3
      i is 2 6
      trainbook> :vars
      x  number  3
      i  number  2
      trainbook> frobnicate(1)
      line 1, column 1: unknown name `frobnicate`
        frobnicate(1)
        ^~~~~~~~~~
        hint: define it first with `frobnicate = …`, or write text in quotes: "frobnicate"
      trainbook> \n
      """)
  }

  @Test func resetForgetsTheLanguagesVariables() {
    expectSameLines(
      Self.languageTranscript(of: "rate = 0.5\n:reset\nrate\n"),
      """
      trainbook> rate = 0.5
      rate: 0.5
      trainbook> :reset
      The session is reset: every variable and run is forgotten.
      trainbook> rate
      line 1, column 1: unknown name `rate`
        rate
        ^~~~
        hint: define it first with `rate = …`, or write text in quotes: "rate"
      trainbook> \n
      """)
  }

  @Test func completionOffersTheSessionsNamesAndLabels() {
    let session = Session(cancellation: Interrupt.flag)
    _ = session.run("rounds = 3", origin: nil)
    let completer = Completer(session: session, commands: .standard) { _ in [] }
    #expect(completer.complete("roun").candidates == ["rounds", "round"])
    #expect(completer.complete("round(2.5, dig").candidates == ["digits: "])
    #expect(completer.complete("print(\"no_such_folder/").candidates == [])
  }
}
