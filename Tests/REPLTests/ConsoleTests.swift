import Language
import REPL
import Testing

/// The console's rendering of output pieces. (In the serialized suite of `TranscriptTests`:
/// closing a progress line reads Ctrl-C's process-wide flag.)
extension TranscriptTests {
  @Test func progressPiecesRedrawOneLineThatTheNextOutputCloses() {
    let output = CapturedOutput()
    let console = Console(output: output, style: .plain, redrawsProgress: true) { 12 }
    console.show([.progress("epoch 1/2"), .progress("epoch 2/2 loss 0.25"), .text("done")])
    #expect(output.text == "\r\u{1B}[2Kepoch 1/2\r\u{1B}[2Kepoch 2/2 l\ndone\n")
  }

  /// After Ctrl-C the signal handler has ended the line: a late redraw must not reopen it, or
  /// the summary would be glued to it.
  @Test func progressAfterCtrlCDoesNotReopenTheLine() {
    let output = CapturedOutput()
    let console = Console(output: output, style: .plain, redrawsProgress: true) { 12 }
    console.show([.progress("epoch 1/2")])
    Interrupt.request()
    defer { Interrupt.clear() }
    console.show([.progress("epoch 2/2"), .text("done")])
    #expect(output.text == "\r\u{1B}[2Kepoch 1/2done\n")
  }

  @Test func progressPiecesAreLinesOffATerminal() {
    let output = CapturedOutput()
    let console = Console(output: output, style: .plain)
    console.show([.progress("epoch 1/2"), .progress("epoch 2/2"), .error("oops")])
    #expect(output.text == "epoch 1/2\nepoch 2/2\noops\n")
  }

  @Test func colouredErrorsOnlyWhenTheStyleHasColour() {
    let coloured = CapturedOutput()
    Console(output: coloured, style: Style(usesColor: true)).show([.error("bad")])
    #expect(coloured.text == "\u{1B}[1;31mbad\u{1B}[0m\n")
    let plain = CapturedOutput()
    Console(output: plain, style: .plain).show([
      .error("bad"), .chart(terminal: "\u{1B}[34m*\u{1B}[0m", svg: ""),
    ])
    #expect(plain.text == "bad\n*\n")
  }
}
