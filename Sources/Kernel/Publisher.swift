import Foundation
import Support

/// The iopub channel: publishes the kernel's status and each cell's output to every client that
/// listens, from the shell and control threads under a lock.
///
/// ZeroMQ drops what is published while no client has subscribed, and a client's five sockets
/// connect each on its own schedule: when the kernel is not listening yet, ZeroMQ retries each
/// refused connection after 100 to 200 ms, chosen at random per socket. So a client's shell
/// socket can connect, get its `kernel_info_reply` and send its first cell well before its iopub
/// socket subscribes; that cell's output and its `idle` status would then be lost, and a client
/// that waits for `idle` before showing the next prompt (`jupyter console`) would wait for ever.
/// The socket is therefore an XPUB, which hands the kernel each new subscription, and the kernel
/// serves the shell channel only once `waitForSubscriber` has seen one.
final class Publisher: @unchecked Sendable {
  private let socket: ZeroMQSocket
  private let codec: MessageCodec
  private let lock = NSLock()
  /// Whether a client has subscribed since the kernel started (guarded by `lock`).
  private var subscribed = false
  /// The kernel's session id, in every message's header.
  let session: String

  /// A publisher on `socket`, an XPUB socket, signing with `codec`, in the kernel's `session`.
  init(socket: ZeroMQSocket, codec: MessageCodec, session: String) {
    self.socket = socket
    self.codec = codec
    self.session = session
  }

  /// Publishes a message of `type` with `content`, belonging to `parent`.
  func publish(_ type: String, _ content: JSONValue, parent: KernelMessage?) {
    var message = KernelMessage(type: type, content: content, session: session, parent: parent)
    message.identities = [Array(type.utf8)]
    let frames = codec.encode(message)
    lock.lock()
    defer { lock.unlock() }
    takeSubscriptions(waitingAtMost: 0)
    do { try socket.send(frames) } catch { log("iopub: \(error)") }
  }

  /// Waits until a client subscribes, at most `limit` and only while `stopping` is not set;
  /// returns whether one has. Other threads may publish meanwhile.
  func waitForSubscriber(atMost limit: Duration, unlessStopping stopping: StopFlag) -> Bool {
    let clock = ContinuousClock()
    let deadline = clock.now + limit
    while true {
      // Short slices, so the lock is never held long.
      let slice = min(deadline - clock.now, .milliseconds(20))
      lock.lock()
      takeSubscriptions(waitingAtMost: max(0, Int(slice / .milliseconds(1))))
      let done = subscribed
      lock.unlock()
      if done || stopping.isSet || clock.now >= deadline { return done }
    }
  }

  /// Reads what the XPUB socket hands up: one frame per change of subscriptions, `1` then the
  /// topic for a topic's first subscriber, `0` then the topic when its last one leaves. Waits at
  /// most `milliseconds` for the first.
  private func takeSubscriptions(waitingAtMost milliseconds: Int) {
    var wait = milliseconds
    while true {
      let frames: [[UInt8]]?
      do { frames = try socket.receive(waitingAtMost: wait) } catch {
        log("iopub: \(error)")
        return
      }
      guard let frames else { return }
      if frames.first?.first == 1 { subscribed = true }
      wait = 0
    }
  }
}
