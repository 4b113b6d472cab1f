import CZeroMQ
import Foundation
import Language
import Notebook
import REPL
import Support
import Synchronization

/// The kernel process: binds the five channels of a connection file and serves them until a
/// `shutdown_request`.
///
/// The shell channel is served on the calling thread, where cells run, once a client listens on
/// iopub (see `Publisher`); the control channel (kernel info, interrupts, shutdown) and the
/// heartbeat each have a thread of their own, so an interrupt or a heartbeat is answered while a
/// cell trains. SIGINT interrupts as `interrupt_request` does. A message with a wrong signature
/// or of the wrong shape is logged on standard error and dropped; nothing a client sends stops
/// the kernel but a shutdown.
public enum KernelServer {
  /// How long, in seconds, the shell channel waits for a first client on iopub: a client's iopub
  /// socket joins within a few hundred milliseconds of its shell socket, and a client that never
  /// listens is still served after this.
  private static let listenerWait = 10

  /// Serves the kernel described by the connection file at `path`, running cells in `session`
  /// (which must use `Interrupt.flag`) with files confined to `files`'s folder.
  /// - Throws: `KernelStartError` when the connection file cannot be used or a port cannot be
  ///   listened on.
  public static func serve(
    connectionFile path: String, session: Session, files: FileSandbox
  ) throws(KernelStartError) {
    let connection = try ConnectionFile(contentsOf: path)
    let codec = MessageCodec(key: connection.key)
    let sockets: Sockets
    do {
      sockets = try Sockets(connection)
    } catch {
      throw KernelStartError(
        "\(error.description) (another kernel may be using the port; Jupyter picks free ports "
          + "when it starts the kernel)")
    }
    let identity = UUID().uuidString.lowercased()
    let iopub = Publisher(socket: sockets.iopub, codec: codec, session: identity)
    let stopping = StopFlag()
    Interrupt.installHandler()
    let parent = ProcessInfo.processInfo.environment["JPY_PARENT_PID"].flatMap { Int32($0) }
    startThread(named: "heartbeat") {
      echoHeartbeats(on: sockets.heartbeat, until: stopping, parent: parent)
    }
    startThread(named: "control") {
      serveControl(sockets.control, codec: codec, iopub: iopub, until: stopping)
    }
    iopub.publish("status", .object([("execution_state", .string("starting"))]), parent: nil)
    if !iopub.waitForSubscriber(atMost: .seconds(listenerWait), unlessStopping: stopping) {
      log(
        "no client listens on the iopub channel after \(listenerWait) s; serving the shell "
          + "channel anyway (what a cell shows before a client listens is lost)")
    }
    let handler = RequestHandler(session: session, files: files) { type, content, parent in
      iopub.publish(type, content, parent: parent)
    }
    while !stopping.isSet && !handler.isShuttingDown {
      guard let frames = receive(on: sockets.shell, channel: "shell") else { continue }
      guard let request = decode(frames, codec: codec, channel: "shell") else { continue }
      handle(request, handler: handler, shell: sockets.shell, codec: codec, iopub: iopub)
    }
    stopping.set()
  }

  /// The kernel's five sockets, bound.
  private struct Sockets: @unchecked Sendable {
    let context: ZeroMQContext
    let shell, iopub, stdin, control, heartbeat: ZeroMQSocket

    init(_ connection: ConnectionFile) throws(ZeroMQError) {
      context = try ZeroMQContext()
      shell = try ZeroMQSocket(context, type: ZMQ_ROUTER)
      iopub = try ZeroMQSocket(context, type: ZMQ_XPUB)
      stdin = try ZeroMQSocket(context, type: ZMQ_ROUTER)
      control = try ZeroMQSocket(context, type: ZMQ_ROUTER)
      heartbeat = try ZeroMQSocket(context, type: ZMQ_REP)
      let sockets = [shell, iopub, stdin, control, heartbeat]
      for (socket, channel) in zip(sockets, connection.channels) {
        do {
          try socket.bind(connection.endpoint(channel.port))
        } catch {
          throw ZeroMQError(
            description: "the \(channel.name) channel " + error.description)
        }
      }
    }
  }

  /// Handles one shell request: status busy, the reply, status idle. A cell that fails (or is
  /// interrupted) first aborts the cells queued behind it, unless its request says not to.
  private static func handle(
    _ request: KernelMessage, handler: RequestHandler, shell: ZeroMQSocket, codec: MessageCodec,
    iopub: Publisher
  ) {
    iopub.publish("status", .object([("execution_state", .string("busy"))]), parent: request)
    defer {
      iopub.publish("status", .object([("execution_state", .string("idle"))]), parent: request)
    }
    guard let (type, content) = handler.reply(to: request) else {
      log("ignored a request of unknown type `\(request.type)` on the shell channel")
      return
    }
    if type == "execute_reply", case .string("error")? = content.members?["status"],
      request.flag("stop_on_error", default: true)
    {
      abortQueuedCells(handler: handler, shell: shell, codec: codec, iopub: iopub)
    }
    send(
      KernelMessage(type: type, content: content, session: iopub.session, parent: request),
      on: shell, codec: codec)
  }

  /// After a failed cell, answers the execute requests that were already waiting with `aborted`
  /// (as Jupyter expects when a cell of "run all" fails), and handles any other request waiting.
  /// Requests sent after the failed cell's reply are not touched: they come after this.
  private static func abortQueuedCells(
    handler: RequestHandler, shell: ZeroMQSocket, codec: MessageCodec, iopub: Publisher
  ) {
    while let frames = try? shell.receive(waitingAtMost: 0) {
      guard let request = decode(frames, codec: codec, channel: "shell") else { continue }
      guard request.type == "execute_request" else {
        handle(request, handler: handler, shell: shell, codec: codec, iopub: iopub)
        continue
      }
      iopub.publish("status", .object([("execution_state", .string("busy"))]), parent: request)
      send(
        KernelMessage(
          type: "execute_reply", content: RequestHandler.aborted, session: iopub.session,
          parent: request), on: shell, codec: codec)
      iopub.publish("status", .object([("execution_state", .string("idle"))]), parent: request)
    }
  }

  /// Serves the control channel: kernel info, interrupts (which stop training after the
  /// current step, as Ctrl-C does) and shutdown.
  private static func serveControl(
    _ control: ZeroMQSocket, codec: MessageCodec, iopub: Publisher, until stopping: StopFlag
  ) {
    while !stopping.isSet {
      guard let frames = receive(on: control, channel: "control"),
        let request = decode(frames, codec: codec, channel: "control")
      else { continue }
      let content: JSONValue
      switch request.type {
      case "kernel_info_request": content = RequestHandler.kernelInfo
      case "interrupt_request":
        Interrupt.request()
        content = .object([("status", .string("ok"))])
      case "shutdown_request":
        content = RequestHandler.shutdownReply(restart: request.flag("restart", default: false))
      default:
        log("ignored a request of type `\(request.type)` on the control channel")
        continue
      }
      iopub.publish("status", .object([("execution_state", .string("busy"))]), parent: request)
      let type = String(request.type.dropLast("_request".count)) + "_reply"
      send(
        KernelMessage(type: type, content: content, session: iopub.session, parent: request),
        on: control, codec: codec)
      iopub.publish("status", .object([("execution_state", .string("idle"))]), parent: request)
      if request.type == "shutdown_request" {
        stopping.set()
        Interrupt.request()
      }
    }
  }

  /// Echoes every heartbeat back, so the client knows the kernel is alive; and ends the process
  /// if `parent`, the Jupyter process that started the kernel (`JPY_PARENT_PID`), is gone, as
  /// ipykernel does, so a killed client leaves no kernel behind.
  private static func echoHeartbeats(
    on socket: ZeroMQSocket, until stopping: StopFlag, parent: Int32?
  ) {
    while !stopping.isSet {
      if let parent, getppid() != parent {
        log("the Jupyter process that started the kernel (\(parent)) is gone; stopping")
        exit(0)
      }
      guard let frames = receive(on: socket, channel: "heartbeat") else { continue }
      do { try socket.send(frames) } catch { log("heartbeat: \(error)") }
    }
  }

  private static func receive(on socket: ZeroMQSocket, channel: String) -> [[UInt8]]? {
    do {
      return try socket.receive(waitingAtMost: 200)
    } catch {
      log("\(channel) channel: \(error)")
      return nil
    }
  }

  private static func decode(_ frames: [[UInt8]], codec: MessageCodec, channel: String)
    -> KernelMessage?
  {
    do {
      return try codec.decode(frames)
    } catch {
      log("\(channel) channel: \(error)")
      return nil
    }
  }

  private static func send(_ message: KernelMessage, on socket: ZeroMQSocket, codec: MessageCodec) {
    do { try socket.send(codec.encode(message)) } catch { log("cannot reply: \(error)") }
  }

  private static func startThread(named name: String, _ body: @escaping @Sendable () -> Void) {
    let thread = Thread(block: body)
    thread.name = "trainbook-\(name)"
    thread.start()
  }
}

/// Writes a line of the kernel's log on standard error (Jupyter shows it in its own log).
func log(_ text: String) {
  FileHandle.standardError.write(Data("trainbook kernel: \(text)\n".utf8))
}

/// Set once, when the kernel is to stop; read by every thread.
final class StopFlag: Sendable {
  private let value = Atomic<Bool>(false)
  var isSet: Bool { value.load(ordering: .acquiring) }
  func set() { value.store(true, ordering: .releasing) }
}
