import Language
import REPL
import Testing

/// The console's rendering of output pieces. (In the serialized suite of `TranscriptTests`:
/// closing a progress line reads Ctrl-C's process-wide flag.)
extension TranscriptTests {
  @Test func progressPiecesRedrawOneLineThatTheNextOutputCloses() {
    let output = CapturedOutput()
    let console = Console(output: output, style: .plain, redrawsProgress: true) { 14 }
    console.show([.progress("epoch 1/2"), .progress("epoch 2/2 loss 0.25"), .text("done")])
    #expect(output.text == "\r\u{1B}[2Kepoch 1/2\r\u{1B}[2Kepoch 2/2 l\ndone\n")
  }

  /// After Ctrl-C the signal handler has ended the line: a late redraw must not reopen it, and
  /// the next output clears its line first (erasing a redraw that slipped in after the handler's
  /// newline) instead of ending it again.
  @Test func progressAfterCtrlCDoesNotReopenTheLine() {
    let output = CapturedOutput()
    let console = Console(output: output, style: .plain, redrawsProgress: true) { 12 }
    console.show([.progress("epoch 1/2")])
    Interrupt.request()
    defer { Interrupt.clear() }
    console.show([.progress("epoch 2/2"), .text("done")])
    #expect(output.text == "\r\u{1B}[2Kepoch 1/2\r\u{1B}[2Kdone\n")
  }

  /// Bars are redrawn at most every 50 ms (the first at once), three columns short of the width;
  /// the epoch's line, held back as too soon after the last bar, is drawn when the line closes.
  @Test func trainingBarsAreThrottledAndTheEpochLineReplacesThem() {
    let output = CapturedOutput()
    var instant = ContinuousClock.now
    let console = Console(
      output: output, style: .plain, redrawsProgress: true, width: { 40 }, now: { instant })
    let bars = (1...4).map {
      TrainingBar(epoch: 1, epochs: 2, step: $0, steps: 4, loss: 0.5, elapsed: 0, remaining: 1)
    }
    console.show(bars[0])
    instant = instant.advanced(by: .milliseconds(30))
    console.show(bars[1])
    instant = instant.advanced(by: .milliseconds(20))
    console.show(bars[2])
    instant = instant.advanced(by: .milliseconds(49))
    console.show(bars[3])
    console.show([.progress("epoch 1/2  loss 0.5"), .text("done")])
    let clear = Console.clearLine
    #expect(
      output.text
        == clear + "epoch 1/2  ██▊········  1/4  loss 0.5" + clear
        + bars[2].text(columns: 37) + clear + "epoch 1/2  loss 0.5\ndone\n")
  }

  /// Progress lines faster than 20 a second: the first is drawn, the last when the line closes.
  @Test func fastProgressLinesAreThinnedButTheLastIsShown() {
    let output = CapturedOutput()
    var instant = ContinuousClock.now
    let console = Console(
      output: output, style: .plain, redrawsProgress: true, width: { 40 }, now: { instant })
    for epoch in 1...5 {
      console.show([.progress("epoch \(epoch)/5")])
      instant = instant.advanced(by: .milliseconds(20))
    }
    console.show([.text("done")])
    let clear = Console.clearLine
    #expect(output.text == clear + "epoch 1/5" + clear + "epoch 4/5" + clear + "epoch 5/5\ndone\n")
  }

  @Test func trainingBarsAreNotDrawnOffATerminal() {
    let output = CapturedOutput()
    let console = Console(output: output, style: .plain)
    console.show(TrainingBar(epoch: 1, epochs: 2, step: 1, steps: 4, loss: 0.5, elapsed: 0))
    console.show([.progress("epoch 1/2")])
    console.closeProgressLine()
    #expect(output.text == "epoch 1/2\n")
  }

  /// Ctrl-C mid-epoch: the bar stays as it was (the handler ends its line after the `^C`), no
  /// bar is drawn after it, and the summary starts on a cleared line.
  @Test func ctrlCMidEpochLeavesTheBarAndACleanLine() {
    let output = CapturedOutput()
    let console = Console(output: output, style: .plain, redrawsProgress: true) { 30 }
    let bar = TrainingBar(epoch: 1, epochs: 1, step: 1, steps: 2, loss: 0.5, elapsed: 0)
    console.show(bar)
    Interrupt.request()
    defer { Interrupt.clear() }
    console.show(bar)
    console.show([.text("stopped: interrupted")])
    let clear = Console.clearLine
    #expect(output.text == clear + bar.text(columns: 27) + clear + "stopped: interrupted\n")
  }

  /// Off a terminal, lines that stay are written at once, and of those that do not only the last
  /// before other output, as a terminal leaves them.
  @Test func progressLinesOffATerminalAreTheLinesATerminalLeaves() {
    let output = CapturedOutput()
    let console = Console(output: output, style: .plain)
    console.show([.progress("run 1\n"), .progress("epoch 1/3\n"), .progress("epoch 2/3")])
    #expect(output.text == "run 1\nepoch 1/3\n")
    console.show([.progress("epoch 3/3"), .error("oops"), .progress("epoch 1/1")])
    #expect(output.text == "run 1\nepoch 1/3\nepoch 3/3\noops\n")
    console.closeProgressLine()
    #expect(output.text == "run 1\nepoch 1/3\nepoch 3/3\noops\nepoch 1/1\n")
  }

  /// On a terminal, a line that stays is drawn and ended; the next one starts a new line.
  @Test func aProgressLineThatStaysIsEndedOnATerminal() {
    let output = CapturedOutput()
    let console = Console(output: output, style: .plain, redrawsProgress: true) { 30 }
    console.show([.progress("epoch 1/2\n"), .progress("epoch 2/2")])
    console.closeProgressLine()
    let clear = Console.clearLine
    #expect(output.text == clear + "epoch 1/2\n" + clear + "epoch 2/2\n")
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
