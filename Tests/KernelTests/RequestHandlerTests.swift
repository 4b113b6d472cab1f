import Kernel
import Language
import REPL
import Support
import Testing

/// A handler over a fresh session, recording what it publishes as (type, content).
private final class Harness {
  var published: [(type: String, content: JSONValue)] = []
  /// Called with each message's type as it is published (while the cell runs).
  var onPublish: ((String) -> Void)?
  lazy var handler = RequestHandler(session: Session(cancellation: Interrupt.flag), files: nil) {
    [unowned self] type, content, _ in
    published.append((type, content))
    onPublish?(type)
  }

  func reply(_ type: String, _ content: [(String, JSONValue)]) -> JSONValue? {
    published = []
    let request = KernelMessage(type: type, content: .object(content), session: "test")
    return handler.reply(to: request)?.content
  }

  func execute(_ code: String) -> JSONValue? { reply("execute_request", [("code", .string(code))]) }
}

@Test func aCellPublishesItsInputStreamsAndValue() throws {
  let harness = Harness()
  let reply = try #require(harness.execute("print(\"hello, world\")\nx = 2\nx * 3"))
  #expect(reply.members?["status"] == .string("ok"))
  #expect(reply.members?["execution_count"] == .integer(1))
  #expect(
    harness.published.map(\.type) == ["execute_input", "stream", "stream", "execute_result"])
  #expect(harness.published[1].content.members?["text"] == .string("hello, world\n"))
  #expect(harness.published[2].content.members?["text"] == .string("x: 2\n"))
  #expect(
    harness.published[3].content.members?["data"]?.members?["text/plain"] == .string("6"))
}

@Test func aFailingCellPublishesOneErrorWithItsCaret() throws {
  let harness = Harness()
  _ = harness.execute("net = 1")
  let reply = try #require(harness.execute("fit(nett, 2)"))
  #expect(reply.members?["status"] == .string("error"))
  #expect(reply.members?["ename"] == .string("TrainbookError"))
  #expect(harness.published.map(\.type) == ["execute_input", "error"])
  let traceback = harness.published[1].content.members?["traceback"]
  #expect(
    traceback
      == .array([
        .string("line 1, column 5: unknown name `nett`; did you mean `net`?"),
        .string("  fit(nett, 2)"), .string("      ^~~~"),
        .string("  hint: define it first with `nett = …`, or write text in quotes: \"nett\""),
      ]))
}

@Test func chartsAreDisplayedAsSVGWithTheirTerminalText() throws {
  let harness = Harness()
  _ = harness.execute("data = moons(n: 40, seed: 1)")
  _ = try #require(harness.execute("scatter(data)"))
  let display = try #require(harness.published.first { $0.type == "display_data" })
  let data = display.content.members?["data"]?.members
  guard case .string(let svg)? = data?["image/svg+xml"],
    case .string(let text)? = data?["text/plain"]
  else {
    Issue.record("no svg or text")
    return
  }
  #expect(svg.contains("<svg"))
  #expect(text.contains("moons"))
}

@Test func trainingProgressIsOneDisplayUpdatedInPlace() throws {
  let harness = Harness()
  _ = harness.execute("data = moons(n: 64, seed: 1)")
  _ = harness.execute("net = mlp(inputs: 2, hidden: [4], outputs: 1, seed: 1)")
  _ = try #require(harness.execute("fit(net, data, epochs: 5, batch: 8, seed: 1)"))
  let progress = harness.published.filter {
    $0.content.members?["metadata"]?.members?["trainbook"]?.members?["kind"]
      == .string("progress")
  }
  #expect(progress.first?.type == "display_data")
  #expect(progress.dropFirst().allSatisfy { $0.type == "update_display_data" })
  let ids = progress.map { $0.content.members?["transient"]?.members?["display_id"] }
  #expect(ids.allSatisfy { $0 != nil && $0 == ids.first })
  let last = progress.last?.content.members?["data"]?.members?["text/plain"]
  guard case .string(let text)? = last else {
    Issue.record("no progress text")
    return
  }
  #expect(text.hasPrefix("epoch 5/5"))
}

@Test func completionIsThePromptsCompleter() throws {
  let harness = Harness()
  _ = harness.execute("data = moons(n: 40, seed: 1)")
  let labels = try #require(
    harness.reply(
      "complete_request", [("code", .string("fit(net, da, epo")), ("cursor_pos", .integer(16))]))
  #expect(labels.members?["matches"] == .array([.string("epochs: ")]))
  #expect(labels.members?["cursor_start"] == .integer(13))
  let names = try #require(
    harness.reply("complete_request", [("code", .string("x = da")), ("cursor_pos", .integer(6))]))
  guard case .array(let matches)? = names.members?["matches"] else {
    Issue.record("no matches")
    return
  }
  #expect(matches.contains(.string("data")))
  let command = try #require(
    harness.reply("complete_request", [("code", .string(":va")), ("cursor_pos", .integer(3))]))
  #expect(command.members?["matches"] == .array([.string(":vars ")]))
}

@Test func isCompleteFollowsTheContinuationRules() {
  let harness = Harness()
  let status = { (code: String) in
    harness.reply("is_complete_request", [("code", .string(code))])?.members?["status"]
  }
  #expect(status("fit(net,") == .string("incomplete"))
  #expect(status("x = 1 +") == .string("incomplete"))
  #expect(status("for i in [1] {") == .string("incomplete"))
  #expect(status("x = 1") == .string("complete"))
  #expect(status(":vars") == .string("complete"))
}

@Test func inspectShowsHelpForTheNameAtTheCursor() throws {
  let harness = Harness()
  let found = try #require(
    harness.reply("inspect_request", [("code", .string("fit(net)")), ("cursor_pos", .integer(2))]))
  #expect(found.members?["found"] == .bool(true))
  guard case .string(let text)? = found.members?["data"]?.members?["text/plain"] else {
    Issue.record("no help")
    return
  }
  #expect(text.hasPrefix("fit(model, data"))
  let missing = try #require(
    harness.reply("inspect_request", [("code", .string("zzz")), ("cursor_pos", .integer(1))]))
  #expect(missing.members?["found"] == .bool(false))
}

@Test func commandsRunInACellAndResetForgets() throws {
  let harness = Harness()
  _ = harness.execute("x = 1")
  _ = harness.execute(":vars")
  #expect(harness.published.last?.content.members?["text"] == .string("x  number  1\n"))
  _ = harness.execute(":reset")
  _ = harness.execute(":vars")
  guard case .string(let text)? = harness.published.last?.content.members?["text"] else {
    Issue.record("no text")
    return
  }
  #expect(text.hasPrefix("Nothing is defined yet"))
  _ = harness.execute(":lesson")
  guard case .string(let unknown)? = harness.published.last?.content.members?["text"] else {
    Issue.record("no text")
    return
  }
  #expect(unknown.hasPrefix("unknown command `:lesson`"))
  // `:quit` asks a console front end to leave, as IPython's `exit` does.
  let quit = harness.execute(":quit")?.members?["payload"]
  #expect(
    quit == .array([.object([("source", .string("ask_exit")), ("keepkernel", .bool(false))])]))
}

@Test func historyAnswersTailRangeAndSearch() throws {
  let harness = Harness()
  for code in ["x = 1", "x + 1", "x + 1", "y = 2"] { _ = harness.execute(code) }
  let tail = harness.reply(
    "history_request",
    [("hist_access_type", .string("tail")), ("n", .integer(2)), ("output", .bool(true))])
  #expect(
    tail?.members?["history"]
      == .array([
        .array([.integer(1), .integer(3), .array([.string("x + 1"), .string("2")])]),
        .array([.integer(1), .integer(4), .array([.string("y = 2"), .null])]),
      ]))
  let range = harness.reply(
    "history_request",
    [
      ("hist_access_type", .string("range")), ("session", .integer(0)), ("start", .integer(2)),
      ("stop", .integer(3)),
    ])
  #expect(
    range?.members?["history"] == .array([.array([.integer(1), .integer(2), .string("x + 1")])]))
  let search = harness.reply(
    "history_request",
    [("hist_access_type", .string("search")), ("pattern", .string("x*")), ("unique", .bool(true))])
  #expect(
    search?.members?["history"]
      == .array([
        .array([.integer(1), .integer(1), .string("x = 1")]),
        .array([.integer(1), .integer(3), .string("x + 1")]),
      ]))
}

@Test func anInterruptStopsTrainingAndKeepsTheSession() throws {
  let harness = Harness()
  _ = harness.execute("data = moons(n: 200, seed: 1)")
  _ = harness.execute("net = mlp(inputs: 2, hidden: [8], outputs: 1, seed: 1)")
  // As the control channel does when Jupyter's interrupt arrives mid-fit.
  harness.onPublish = { type in if type == "display_data" { Interrupt.request() } }
  let reply = try #require(
    harness.execute("run = fit(net, data, epochs: 100000, batch: 4, seed: 1)"))
  harness.onPublish = nil
  #expect(reply.members?["status"] == .string("error"))
  #expect(
    reply.members?["evalue"]
      == .string("interrupted: the cell stopped; its variables and runs so far are kept"))
  _ = harness.execute("run.epochs")
  let epochs = harness.published.last?.content.members?["data"]?.members?["text/plain"]
  guard case .string(let text)? = epochs, let count = Int(text) else {
    Issue.record("no run kept")
    return
  }
  #expect(count < 100000)
  #expect(!Interrupt.isRequested)
}
