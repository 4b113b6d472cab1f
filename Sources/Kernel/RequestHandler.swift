import Language
import Notebook
import REPL
import Support

/// What the kernel does with each request of the shell channel, apart from the sockets: runs
/// cells in one session exactly as the prompt does (the same `:commands`, completer,
/// continuation rules, file confinement, runs and seeds), and says what each request's reply
/// holds. What a cell prints goes out through `publish` as it happens.
package final class RequestHandler {
  /// The language session the cells run in.
  let session: Session
  private let context: CommandContext
  private let completer: Completer
  private let history: ExecutionHistory
  private let commandOutput = PendingText()
  private let publish: (_ type: String, _ content: JSONValue, _ parent: KernelMessage) -> Void
  private var executionCount = 0
  /// Set once a `shutdown_request` has been answered.
  private(set) var isShuttingDown = false

  /// The `:commands` that make sense in a notebook.
  static let commands = CommandRegistry(
    [
      .help, .vars, .history, .save, .reset,
      ColonCommand(
        name: "quit", summary: "leave jupyter console (a notebook's kernel keeps running)",
        perform: ColonCommand.quit.perform),
    ],
    keys: "Keys: Tab completes; Shift-Tab (in JupyterLab) shows help(name); Interrupt (Ctrl-C in "
      + "jupyter console) stops training after the current step.")

  /// A handler over `session` (which must use `Interrupt.flag`), its files confined to
  /// `files`'s folder when given, sending iopub messages with `publish`.
  package init(
    session: Session, files: FileSandbox?,
    publish: @escaping (_ type: String, _ content: JSONValue, _ parent: KernelMessage) -> Void
  ) {
    self.session = session
    self.publish = publish
    history = ExecutionHistory()
    let console = Console(output: commandOutput, style: .plain)
    context = CommandContext(
      session: session, reader: history, console: console, commands: Self.commands)
    if let files { context.confineFiles(to: files) }
    completer = Completer(session: session, commands: Self.commands)
  }

  /// The reply's type and content for `request`, or nil for a request of an unknown type.
  package func reply(to request: KernelMessage) -> (type: String, content: JSONValue)? {
    let content: JSONValue
    switch request.type {
    case "kernel_info_request": content = Self.kernelInfo
    case "execute_request": content = execute(request)
    case "is_complete_request": content = isComplete(request.text("code") ?? "")
    case "complete_request": content = complete(request)
    case "inspect_request": content = inspect(request)
    case "history_request":
      content = .object([
        ("status", .string("ok")),
        (
          "history",
          ExecutionHistory.listed(
            history.answer(to: request), withOutput: request.flag("output", default: false))
        ),
      ])
    case "comm_info_request":
      content = .object([("status", .string("ok")), ("comms", .object([]))])
    case "shutdown_request":
      isShuttingDown = true
      content = Self.shutdownReply(restart: request.flag("restart", default: false))
    default: return nil
    }
    return (String(request.type.dropLast("_request".count)) + "_reply", content)
  }

  /// The reply to an execute request that is not run because an earlier cell failed.
  static let aborted = JSONValue.object([("status", .string("aborted"))])

  /// The reply to `kernel_info_request`.
  static let kernelInfo = JSONValue.object([
    ("status", .string("ok")), ("protocol_version", .string(KernelMessage.protocolVersion)),
    ("implementation", .string("trainbook")),
    ("implementation_version", .string(Trainbook.version)),
    (
      "language_info",
      .object([
        ("name", .string("trainbook")), ("version", .string(Trainbook.version)),
        ("mimetype", .string("text/x-trainbook")), ("file_extension", .string(".tb")),
        // No highlighter knows the language yet: plain text, said so, rather than a guess.
        ("pygments_lexer", .string("text")),
      ])
    ),
    (
      "banner",
      .string(
        "trainbook \(Trainbook.version): help() lists the built-ins, :help the commands")
    ),
    ("help_links", .array([])), ("debugger", .bool(false)),
  ])

  /// The reply to `shutdown_request`.
  static func shutdownReply(restart: Bool) -> JSONValue {
    .object([("status", .string("ok")), ("restart", .bool(restart))])
  }

  // MARK: execute

  private func execute(_ request: KernelMessage) -> JSONValue {
    let code = request.text("code") ?? ""
    let silent = request.flag("silent", default: false)
    if !silent, request.flag("store_history", default: true) { executionCount += 1 }
    let count = executionCount
    let send: (String, JSONValue) -> Void =
      silent ? { _, _ in } : { [publish] type, content in publish(type, content, request) }
    send(
      "execute_input", .object([("code", .string(code)), ("execution_count", .integer(count))]))
    let trimmed = code.drop(while: \.isWhitespace)
    if !trimmed.contains("\n"), let command = TypedCommand(line: code) {
      context.perform(command)
      let text = commandOutput.take()
      if !text.isEmpty { send("stream", JupyterOutput.stream(name: "stdout", text: text).content) }
      if !silent, request.flag("store_history", default: true) {
        history.record(line: count, input: code, output: nil)
      }
      guard context.shouldQuit else { return Self.success(count) }
      context.shouldQuit = false
      // What IPython's `exit` answers: a console front end leaves; the kernel stays.
      let exit = JSONValue.object([("source", .string("ask_exit")), ("keepkernel", .bool(false))])
      return Self.success(count, payload: [exit])
    }
    guard !trimmed.allSatisfy(\.isWhitespace) else { return Self.success(count) }
    let cell = run(code, send: send, executionCount: count)
    if !silent, request.flag("store_history", default: true) {
      history.record(line: count, input: code, output: cell.value)
    }
    if case .object(let fields)? = cell.error {
      return .object(
        [("status", .string("error")), ("execution_count", .integer(count))] + fields)
    }
    return Self.success(count)
  }

  /// Runs `code` as a prompt cell, sending each piece as it comes; returns the cell's value (the
  /// echo of its last bare expression) and the content of its error, if it failed.
  private func run(_ code: String, send: @escaping (String, JSONValue) -> Void, executionCount: Int)
    -> (value: String?, error: JSONValue?)
  {
    let progress = ProgressDisplay(send: send)
    var heldText: String?
    var error: JSONValue?
    func sendHeldText() {
      if let text = heldText { send("stream", JupyterOutput(.text(text)).content) }
      heldText = nil
    }
    session.onOutput = { piece in
      switch piece {
      case .progress(let line):
        sendHeldText()
        progress.show(line)
      case .text(let text):
        progress.close()
        sendHeldText()
        heldText = text  // held back: it is the cell's value if nothing follows it
      default:
        progress.close()
        sendHeldText()
        let output = JupyterOutput(piece)
        if error == nil, case .error = output { error = output.content }
        send(output.messageType, output.content)
      }
    }
    session.onTrainingStep = { bar in
      sendHeldText()
      progress.show(bar)
    }
    defer {
      session.onOutput = nil
      session.onTrainingStep = nil
    }
    let (_, interrupted) = context.runCell(code)
    progress.close()
    var value: String?
    if let text = heldText, session.endsWithValue {
      value = text
      let result = JupyterOutput.result(text: text)
      send(result.messageType, result.messageContent(executionCount: executionCount))
      heldText = nil
    }
    sendHeldText()
    Interrupt.clear()
    if interrupted, error == nil {
      let stopped = JupyterOutput.error(
        message: "interrupted: the cell stopped; its variables and runs so far are kept")
      error = stopped.content
      send(stopped.messageType, stopped.content)
    }
    return (value, error)
  }

  private static func success(_ count: Int, payload: [JSONValue] = []) -> JSONValue {
    .object([
      ("status", .string("ok")), ("execution_count", .integer(count)),
      ("payload", .array(payload)), ("user_expressions", .object([])),
    ])
  }

  // MARK: editing help

  private func isComplete(_ code: String) -> JSONValue {
    if TypedCommand(line: code) != nil || session.isComplete(code) {
      return .object([("status", .string("complete"))])
    }
    return .object([("status", .string("incomplete")), ("indent", .string("  "))])
  }

  private func complete(_ request: KernelMessage) -> JSONValue {
    let code = request.text("code") ?? ""
    let cursor = Self.cursor(request, in: code)
    let before = String(String.UnicodeScalarView(code.unicodeScalars.prefix(cursor)))
    let (token, candidates) = completer.complete(before)
    return .object([
      ("status", .string("ok")), ("matches", .array(candidates.map(JSONValue.string))),
      ("cursor_start", .integer(cursor - token.unicodeScalars.count)),
      ("cursor_end", .integer(cursor)), ("metadata", .object([])),
    ])
  }

  private func inspect(_ request: KernelMessage) -> JSONValue {
    let code = request.text("code") ?? ""
    let scalars = Array(code.unicodeScalars)
    let isWordPart = { (scalar: Unicode.Scalar) in
      scalar == "_" || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    }
    var start = Self.cursor(request, in: code)
    var end = start
    while start > 0, isWordPart(scalars[start - 1]) { start -= 1 }
    while end < scalars.count, isWordPart(scalars[end]) { end += 1 }
    let name = String(String.UnicodeScalarView(scalars[start..<end]))
    let text = name.isEmpty ? nil : session.help(about: name)
    return .object([
      ("status", .string("ok")), ("found", .bool(text != nil)),
      ("data", .object(text.map { [("text/plain", JSONValue.string($0))] } ?? [])),
      ("metadata", .object([])),
    ])
  }

  /// The request's `cursor_pos` (in Unicode scalars, as protocol 5.2 counts), kept inside the
  /// code; the end of the code when missing.
  private static func cursor(_ request: KernelMessage, in code: String) -> Int {
    let length = code.unicodeScalars.count
    return min(max(0, request.integer("cursor_pos") ?? length), length)
  }
}

extension JupyterOutput {
  /// The output's iopub content.
  var content: JSONValue { messageContent() }
}

/// What the `:commands` write, kept until the kernel sends it as a stream.
final class PendingText: TextOutput {
  private var text = ""

  func write(_ text: String) { self.text += text }

  /// Everything written since the last call.
  func take() -> String {
    defer { text = "" }
    return text
  }
}
