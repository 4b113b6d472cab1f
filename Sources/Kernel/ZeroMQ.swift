import CZeroMQ

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A failed ZeroMQ call, with libzmq's own words.
public struct ZeroMQError: Error, CustomStringConvertible {
  /// What was being done and why it failed.
  public var description: String

  init(_ action: String) {
    description = "\(action): \(String(cString: trainbook_zmq_error()))"
  }

  init(description: String) { self.description = description }
}

/// A ZeroMQ context: the owner of every socket the kernel opens.
final class ZeroMQContext: @unchecked Sendable {
  let handle: UnsafeMutableRawPointer

  /// A new context, or an error when libzmq cannot make one.
  init() throws(ZeroMQError) {
    guard let handle = zmq_ctx_new() else { throw ZeroMQError("cannot start ZeroMQ") }
    self.handle = handle
  }

  deinit { zmq_ctx_term(handle) }
}

/// One ZeroMQ socket, bound to an endpoint, sending and receiving multipart messages.
///
/// A socket is used by one thread at a time (libzmq sockets are not thread-safe); the kernel
/// gives each channel its own thread, and the one socket two threads write to is guarded by
/// a lock.
final class ZeroMQSocket: @unchecked Sendable {
  private let handle: UnsafeMutableRawPointer
  /// Kept so the context, whose end waits for every socket to close, outlives the socket.
  private let context: ZeroMQContext

  /// A socket of `type` (`ZMQ_ROUTER`, `ZMQ_PUB`, `ZMQ_REP`, …) in `context`.
  init(_ context: ZeroMQContext, type: Int32) throws(ZeroMQError) {
    guard let handle = zmq_socket(context.handle, type) else {
      throw ZeroMQError("cannot open a socket")
    }
    self.handle = handle
    self.context = context
    var linger: Int32 = 1000
    zmq_setsockopt(handle, ZMQ_LINGER, &linger, MemoryLayout<Int32>.size)
  }

  deinit { zmq_close(handle) }

  /// Binds the socket to `endpoint` (`tcp://127.0.0.1:5555`), or says why it cannot (a port in
  /// use, an address not of this machine).
  func bind(_ endpoint: String) throws(ZeroMQError) {
    guard zmq_bind(handle, endpoint) == 0 else { throw ZeroMQError("cannot listen on \(endpoint)") }
  }

  /// Sends `frames` as one multipart message.
  func send(_ frames: [[UInt8]]) throws(ZeroMQError) {
    for (index, frame) in frames.enumerated() {
      let flags = index < frames.count - 1 ? ZMQ_SNDMORE : 0
      let sent = frame.withUnsafeBytes { bytes in
        zmq_send(handle, bytes.baseAddress, bytes.count, flags)
      }
      guard sent >= 0 else { throw ZeroMQError("cannot send a message") }
    }
  }

  /// Receives the next multipart message, waiting at most `milliseconds` (-1: for ever); nil
  /// when none came in time.
  func receive(waitingAtMost milliseconds: Int) throws(ZeroMQError) -> [[UInt8]]? {
    var item = zmq_pollitem_t(socket: handle, fd: 0, events: Int16(ZMQ_POLLIN), revents: 0)
    let ready = zmq_poll(&item, 1, milliseconds)
    if ready < 0 {
      if zmq_errno() == EINTR { return nil }
      throw ZeroMQError("cannot wait for a message")
    }
    guard ready > 0 else { return nil }
    var frames: [[UInt8]] = []
    while true {
      var message = zmq_msg_t()
      zmq_msg_init(&message)
      defer { zmq_msg_close(&message) }
      guard zmq_msg_recv(&message, handle, 0) >= 0 else {
        if zmq_errno() == EINTR { continue }
        throw ZeroMQError("cannot receive a message")
      }
      let size = zmq_msg_size(&message)
      let bytes = zmq_msg_data(&message).map {
        Array(UnsafeRawBufferPointer(start: $0, count: size))
      }
      frames.append(bytes ?? [])
      guard zmq_msg_more(&message) != 0 else { return frames }
    }
  }
}
