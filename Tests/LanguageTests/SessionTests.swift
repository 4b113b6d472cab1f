import Language
import Testing

/// What the prompt and notebooks use: variables, reset, streaming output, cancellation,
/// completion and continuation lines.
struct SessionTests {
  @Test func variablesPersistAcrossCellsInDefinitionOrder() {
    let session = testSession()
    _ = session.run(cell: "net = model()\nlr = 0.01")
    _ = session.run(cell: "names = [\"a\"]\nlr = 0.1")
    #expect(
      session.variables == [
        VariableSummary(name: "net", typeName: "model", summary: "a test model with 2 layers"),
        VariableSummary(name: "lr", typeName: "number", summary: "0.1"),
        VariableSummary(name: "names", typeName: "list", summary: "[\"a\"]"),
      ])
    session.reset()
    #expect(session.variables.isEmpty)
    #expect(session.cellCount == 0)
  }

  @Test func echoRules() {
    let session = testSession()
    #expect(session.run("net = model()", origin: nil) == [.text("net: a test model with 2 layers")])
    #expect(session.run("net", origin: nil) == [.text("model\n  layer 0\n  layer 1")])
    #expect(session.run("none\nprint(1)", origin: nil) == [.text("1")])
    #expect(session.run("for i in [1] { x = i\n i }", origin: nil).isEmpty)
  }

  @Test func chartsEchoAsChartPieces() {
    let session = testSession()
    #expect(session.run("c = chart()", origin: nil) == [.text("c: a line chart of 1 series")])
    #expect(session.run("c", origin: nil) == [.chart(terminal: "|__", svg: "<svg/>")])
  }

  @Test func outputStreamsWhileTheCellRuns() {
    let session = testSession()
    var streamed: [OutputPiece] = []
    session.onOutput = { streamed.append($0) }
    let returned = session.run("print(1)\nprint(2)\n3", origin: nil)
    #expect(streamed == [.text("1"), .text("2"), .text("3")])
    #expect(returned == streamed)
  }

  @Test func cancellationStopsBuiltinsAndLoops() {
    let session = testSession()
    let pieces = session.run("count_to(5)", origin: nil)
    #expect(pieces.prefix(2) == [.text("1"), .text("2")])
    #expect(pieces.count == 3)
    if case .error(let message) = pieces.last {
      #expect(message.hasPrefix("line 1, column 1: interrupted"))
    } else {
      Issue.record("expected an interruption, got \(pieces)")
    }
    // The flag is cleared before the next cell.
    #expect(session.run("1", origin: nil) == [.text("1")])
    session.onOutput = { _ in session.cancellation.cancel() }
    let loop = session.run("for i in [1, 2] { print(i) }", origin: nil)
    #expect(loop.count == 2)
    #expect(loop.first == .text("1"))
  }

  @Test func aFailedCellKeepsWhatRanBefore() {
    let session = testSession()
    let pieces = session.run("a = 1\nb = zz\nc = 3", origin: nil)
    #expect(pieces.count == 2)
    #expect(session.value(of: "a") != nil)
    #expect(session.value(of: "c") == nil)
  }

  @Test func completesNamesLabelsAndFields() {
    let session = testSession()
    _ = session.run("net = model()\nnews = 1", origin: nil)
    #expect(session.completions(for: "ne") == ["net", "news"])
    #expect(session.completions(for: "x = le").first == "len")
    #expect(session.completions(for: "train(net, ep") == ["epochs:"])
    #expect(
      session.completions(for: "train(net, ").prefix(4) == [
        "model:", "epochs:", "optimizer:", "lr:",
      ])
    #expect(session.completions(for: "net.") == ["layers", "parameters", "best_epoch"])
    #expect(session.completions(for: "print(net.la") == ["layers"])
    #expect(session.completions(for: "unknown.") == [])
    #expect(session.completions(for: "print(\"ne") == [])
    #expect(session.completions(for: "f").first == "fixed")
    #expect(session.completions(for: "f").suffix(2) == ["for", "false"])
  }

  @Test func continuationWhileBracketsAreOpenOrAnOperatorEndsTheLine() {
    #expect(!Session.isComplete("for x in [1, 2] {"))
    #expect(!Session.isComplete("fit(net,\n  epochs: 3"))
    #expect(!Session.isComplete("x = 1 +"))
    #expect(!Session.isComplete("a = true and"))
    #expect(Session.isComplete("for x in [1, 2] {\n print(x)\n}"))
    #expect(Session.isComplete("x = 1"))
    #expect(Session.isComplete("x = )"))
    #expect(Session.isComplete("print(\"{\")"))
    #expect(Session.isComplete("# a comment ("))
    #expect(Session.isComplete(""))
  }

  @Test func insideStringIgnoresInterpolationsAndEscapes() {
    #expect(Session.isInsideString("load(\"data/"))
    #expect(!Session.isInsideString("load(\"data\")"))
    #expect(!Session.isInsideString("print(\"lr {l"))
    #expect(Session.isInsideString("print(\"lr {\"in"))
    #expect(Session.isInsideString("print(\"a \\\" b"))
    #expect(!Session.isInsideString("# \"not a string"))
  }
}
