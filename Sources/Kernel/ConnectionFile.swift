import Foundation
import Support

/// Where a kernel listens and how it signs its messages, as the Jupyter client writes it in a
/// connection file (`kernel-1234.json`) before starting the kernel.
public struct ConnectionFile: Sendable, Equatable {
  /// `tcp` or `ipc`.
  public var transport: String
  /// The address to listen on, e.g. `127.0.0.1`.
  public var ip: String
  /// The ports (or, over `ipc`, the path suffixes) of the five channels.
  public var shellPort, iopubPort, stdinPort, controlPort, heartbeatPort: Int
  /// The key messages are signed with; empty turns signing off.
  public var key: String
  /// The signature scheme; only `hmac-sha256` is known.
  public var signatureScheme: String

  /// The channel names and their ports, in the order the kernel binds them.
  package var channels: [(name: String, port: Int)] {
    [
      ("shell", shellPort), ("iopub", iopubPort), ("stdin", stdinPort),
      ("control", controlPort), ("hb", heartbeatPort),
    ]
  }

  /// The ZeroMQ endpoint of `port`: `tcp://127.0.0.1:5555` or `ipc://path-5555`.
  package func endpoint(_ port: Int) -> String {
    transport == "ipc" ? "ipc://\(ip)-\(port)" : "\(transport)://\(ip):\(port)"
  }

  /// Reads the connection file at `path`.
  /// - Throws: `KernelStartError` naming the file: missing, not JSON, a field missing or of
  ///   the wrong type, an unknown transport or signature scheme.
  public init(contentsOf path: String) throws(KernelStartError) {
    guard let data = FileManager.default.contents(atPath: path) else {
      let exists = FileManager.default.fileExists(atPath: path)
      throw KernelStartError(
        exists
          ? "cannot read the connection file \(path) (check its permissions)"
          : "there is no connection file \(path); Jupyter writes one and starts "
            + "`trainbook kernel -f FILE` with it")
    }
    guard let json = try? JSONDecoder().decode(JSONValue.self, from: data),
      let fields = json.members
    else {
      throw KernelStartError("the connection file \(path) is not a JSON object")
    }
    func text(_ key: String, default value: String? = nil) throws(KernelStartError) -> String {
      if case .string(let text)? = fields[key] { return text }
      if fields[key] == nil, let value { return value }
      throw KernelStartError("the connection file \(path) has no text field `\(key)`")
    }
    func port(_ key: String) throws(KernelStartError) -> Int {
      guard case .integer(let port)? = fields[key], (0...65535).contains(port) else {
        throw KernelStartError(
          "the connection file \(path) has no port number (0 to 65535) `\(key)`")
      }
      return port
    }
    transport = try text("transport", default: "tcp")
    ip = try text("ip", default: "127.0.0.1")
    shellPort = try port("shell_port")
    iopubPort = try port("iopub_port")
    stdinPort = try port("stdin_port")
    controlPort = try port("control_port")
    heartbeatPort = try port("hb_port")
    key = try text("key", default: "")
    signatureScheme = try text("signature_scheme", default: "hmac-sha256")
    guard ["tcp", "ipc"].contains(transport) else {
      throw KernelStartError("the connection file's transport `\(transport)` is not tcp or ipc")
    }
    guard signatureScheme == "hmac-sha256" else {
      throw KernelStartError(
        "the connection file's signature scheme `\(signatureScheme)` is not hmac-sha256")
    }
  }
}

/// Why the kernel could not start: printed as it is, with exit status 1.
public struct KernelStartError: Error, CustomStringConvertible, Equatable {
  /// What went wrong, in plain words.
  public var description: String

  /// Creates the error.
  public init(_ description: String) { self.description = description }
}
