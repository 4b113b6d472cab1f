import Language
import REPL
import Testing

/// Whole sessions at the plain prompt: what was typed in, and every character that came out.
/// One suite, run serially, because Ctrl-C's flag is process-wide state (other files extend it).
@Suite(.serialized) struct TranscriptTests {
  @Test func assignmentsEchoAndValuesPrint() {
    expectSameLines(
      transcript(of: "x = 3\nx\n"),
      """
      trainbook> x = 3
      x: 3
      trainbook> x
      3
      trainbook> \n
      """)
  }

  @Test func openBracesContinueOnTheContinuationPrompt() {
    expectSameLines(
      transcript(of: "for i in [1, 2] {\n  show i\n}\n"),
      """
      trainbook> for i in [1, 2] {
         ...>   show i
         ...> }
      ran a block of 3 lines
      trainbook> \n
      """)
  }

  @Test func blankLinesAskAgainAndErrorsShowTheirCaret() {
    expectSameLines(
      transcript(of: "\n  \nfrobnicate\n"),
      "trainbook> \ntrainbook>   \ntrainbook> frobnicate\n"
        + "line 1, column 1: unknown name `frobnicate`\n  frobnicate\n  ^\ntrainbook> \n")
  }

  @Test func anUnfinishedCellAtTheEndOfInputStillRuns() {
    let session = FakeSession()
    let output = transcript(of: "train(\n", session: session)
    #expect(session.cellsRun == ["train("])
    expectSameLines(
      output,
      """
      trainbook> train(
         ...> 
      line 1, column 1: unknown name `train(`
        train(
        ^\n
      """)
  }

  @Test func helpListsEveryCommand() {
    expectSameLines(
      transcript(of: ":help\n"),
      """
      trainbook> :help
      Type trainbook code to run it; help() lists every built-in, help(fit) one.
      Commands:
        :help             this list
        :vars             what is defined, one line each
        :history [count]  the lines entered (the last count of them)
        :save FILE        write the session so far as a notebook
        :load FILE        run a notebook's cells in this session
        :reset            a fresh session: forget every variable and run (history stays)
        :quit             leave (Ctrl-D does too)
      Keys: Tab completes, Ctrl-R searches the history, Ctrl-C clears the line or stops training, \
      Ctrl-D leaves.
      trainbook> \n
      """)
  }

  @Test func varsListsDefinitionsAndResetForgetsThem() {
    expectSameLines(
      transcript(of: ":vars\nrate = 0.01\nlonger_name = 7\n:vars\n:reset\n:vars\n"),
      """
      trainbook> :vars
      Nothing is defined yet; try `data = moons(n: 200, seed: 1)`.
      trainbook> rate = 0.01
      rate: 0.01
      trainbook> longer_name = 7
      longer_name: 7
      trainbook> :vars
      rate         number  0.01
      longer_name  number  7
      trainbook> :reset
      The session is reset: every variable and run is forgotten.
      trainbook> :vars
      Nothing is defined yet; try `data = moons(n: 200, seed: 1)`.
      trainbook> \n
      """)
  }

  @Test func historyNumbersEntriesAndIndentsTheLinesOfACell() {
    expectSameLines(
      transcript(of: "x = 1\nx = 1\nfor i in [1] {\n}\n:history\n:history 2\n:history many\n"),
      """
      trainbook> x = 1
      x: 1
      trainbook> x = 1
      x: 1
      trainbook> for i in [1] {
         ...> }
      ran a block of 2 lines
      trainbook> :history
      1  x = 1
      2  for i in [1] {
         }
      3  :history
      trainbook> :history 2
      3  :history
      4  :history 2
      trainbook> :history many
      `:history` takes a number of entries, such as `:history 20`.
      trainbook> \n
      """)
  }

  @Test func commandsAnswerTyposAmbiguityAndStrayArguments() {
    expectSameLines(
      transcript(of: ":hlep\n:h\n:xyzzy\n:quit now\n:q\nx = 1\n"),
      """
      trainbook> :hlep
      unknown command `:hlep`; did you mean `:help`? :help lists the commands.
      trainbook> :h
      `:h` could be `:help` or `:history`; type more of the name.
      trainbook> :xyzzy
      unknown command `:xyzzy`; :help lists the commands.
      trainbook> :quit now
      `:quit` takes no argument.
      trainbook> :q

      """)
  }

  @Test func trainingProgressIsALinePerPieceOffATerminal() {
    expectSameLines(
      transcript(of: "train(epochs: 2)\n"),
      """
      trainbook> train(epochs: 2)
      epoch 1/2  loss 1.0
      epoch 2/2  loss 0.5
      trained 2 epochs
      took 0.3s
      trainbook> \n
      """)
  }

  @Test func ctrlCDuringTrainingStopsItAndThePromptCarriesOn() {
    let session = FakeSession()
    session.interruptAtEpoch = 2
    expectSameLines(
      transcript(of: "train(epochs: 3)\nx = 1\n", session: session),
      """
      trainbook> train(epochs: 3)
      epoch 1/3  loss 1.0
      stopped by Ctrl-C after 1 of 3 epochs
      took 0.3s
      trainbook> x = 1
      x: 1
      trainbook> \n
      """)
    #expect(!Interrupt.isRequested)
  }

  @Test func ctrlCAtTheContinuationPromptDropsTheUnfinishedCell() {
    let session = FakeSession()
    let output = CapturedOutput()
    var reads: [LineRead] = [.line("(1"), .interrupted, .line("2"), .endOfInput]
    let reader = PlainLineReader(output: output, echoesInput: true) { reads.removeFirst() }
    let loop = ReadEvalPrintLoop(
      session: session, reader: reader, console: Console(output: output, style: .plain))
    loop.run()
    #expect(session.cellsRun == ["2"])
    #expect(loop.cells == [RecordedCell(source: "2", outputs: [.text("2")])])
    expectSameLines(output.text, "trainbook> (1\n   ...> \ntrainbook> 2\n2\ntrainbook> \n")
  }

  @Test func plainOutputCarriesNoEscapeCodes() {
    let lines = transcript(of: "show \"\u{1B}[31mred\u{1B}[0m\"\n").split(separator: "\n")
    #expect(lines.dropFirst() == ["red", "trainbook> "])
  }

  @Test func addedCommandsJoinTheRegistry() {
    let count = ColonCommand(
      name: "count", arguments: "WHAT", summary: "count the cells", takesFileName: false
    ) { argument, context in
      context.console.line("\(context.cells.count) cells of \(argument)")
    }
    var commands = CommandRegistry.standard
    commands.commands.append(count)
    expectSameLines(
      transcript(of: "x = 1\n:count notes\n", commands: commands),
      """
      trainbook> x = 1
      x: 1
      trainbook> :count notes
      1 cells of notes
      trainbook> \n
      """)
  }
}

extension TranscriptTests {
  /// At a terminal the prompt draws the session's bars; they are not part of the cell's output.
  @Test func theTerminalPromptDrawsBarsThatTheCellsDoNotRecord() {
    let output = CapturedOutput()
    let reader = PlainLineReader(script: "train(epochs: 1)\n", output: output)
    let console = Console(output: output, style: .plain, redrawsProgress: true) { 40 }
    let loop = ReadEvalPrintLoop(session: FakeSession(), reader: reader, console: console)
    loop.run()
    let bar = TrainingBar(epoch: 1, epochs: 1, step: 1, steps: 1, loss: 1, elapsed: 0)
    #expect(output.text.contains(Console.clearLine + bar.text(columns: 37) + Console.clearLine))
    #expect(
      loop.cells == [
        RecordedCell(
          source: "train(epochs: 1)",
          outputs: [
            .progress("epoch 1/1  loss 1.0\n"), .text("trained 1 epochs"), .timing("took 0.3s"),
          ])
      ])
  }

  @Test func aProgressLineEndedByCtrlCGetsNoSecondNewline() {
    let output = CapturedOutput()
    let console = Console(output: output, style: .plain, redrawsProgress: true)
    console.show([.progress("epoch 1/9")])
    Interrupt.request()
    console.show([.text("stopped")])
    Interrupt.clear()
    console.show([.progress("epoch 1/9"), .text("done")])
    #expect(
      output.text == "\r\u{1B}[2Kepoch 1/9\r\u{1B}[2Kstopped\n\r\u{1B}[2Kepoch 1/9\ndone\n")
  }
}
