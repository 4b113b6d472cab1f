import Foundation
import Kernel
import Language
import Notebook
import Testing

#if canImport(Glibc)
  import Glibc
#endif

private func connectionFile(_ text: String) throws -> String {
  let path = NSTemporaryDirectory() + "trainbook-connection-\(UUID().uuidString).json"
  try Data(text.utf8).write(to: URL(fileURLWithPath: path))
  return path
}

@Test func aConnectionFileGivesTheEndpointsAndKey() throws {
  let path = try connectionFile(
    #"{"shell_port": 5001, "iopub_port": 5002, "stdin_port": 5003, "control_port": 5004, "#
      + #""hb_port": 5005, "ip": "127.0.0.1", "key": "k", "transport": "tcp", "#
      + #""signature_scheme": "hmac-sha256", "kernel_name": "trainbook"}"#)
  let connection = try ConnectionFile(contentsOf: path)
  #expect(connection.channels.map(\.port) == [5001, 5002, 5003, 5004, 5005])
  #expect(connection.endpoint(5001) == "tcp://127.0.0.1:5001")
  #expect(connection.key == "k")
}

@Test func badConnectionFilesAreRefusedClearly() throws {
  #expect(
    throws: KernelStartError(
      "there is no connection file /nowhere/k.json; Jupyter writes one and starts "
        + "`trainbook kernel -f FILE` with it")
  ) { try ConnectionFile(contentsOf: "/nowhere/k.json") }
  let notJSON = try connectionFile("shell_port = 1")
  #expect(throws: KernelStartError("the connection file \(notJSON) is not a JSON object")) {
    try ConnectionFile(contentsOf: notJSON)
  }
  let noPort = try connectionFile(#"{"shell_port": 5001}"#)
  #expect(
    throws: KernelStartError(
      "the connection file \(noPort) has no port number (0 to 65535) `iopub_port`")
  ) { try ConnectionFile(contentsOf: noPort) }
  let md5 = try connectionFile(
    #"{"shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5, "#
      + #""signature_scheme": "hmac-md5"}"#)
  #expect(
    throws: KernelStartError("the connection file's signature scheme `hmac-md5` is not hmac-sha256")
  ) { try ConnectionFile(contentsOf: md5) }
}

@Test func theKernelspecStartsThisProgramWithTheConnectionFile() throws {
  let folder = NSTemporaryDirectory() + "trainbook-kernelspec-\(UUID().uuidString)"
  let written = try KernelSpec(executable: "/opt/bin/trainbook").install(inDataFolder: folder)
  #expect(written == folder + "/kernels/trainbook")
  let json =
    try JSONSerialization.jsonObject(
      with: Data(contentsOf: URL(fileURLWithPath: written + "/kernel.json"))) as? [String: Any]
  #expect(
    json?["argv"] as? [String] == ["/opt/bin/trainbook", "kernel", "-f", "{connection_file}"])
  #expect(json?["language"] as? String == "trainbook")
  let png = try Data(contentsOf: URL(fileURLWithPath: written + "/logo-64x64.png"))
  #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
  try FileManager.default.removeItem(atPath: folder)
}

@Test func aPortInUseIsRefusedWithTheChannelAndEndpoint() throws {
  // Hold a port with a listening socket, then ask the kernel to listen on it.
  let holder = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
  defer { close(holder) }
  var address = sockaddr_in()
  address.sin_family = sa_family_t(AF_INET)
  address.sin_addr.s_addr = inet_addr("127.0.0.1")
  var length = socklen_t(MemoryLayout<sockaddr_in>.size)
  let bound = withUnsafeMutablePointer(to: &address) {
    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
      bind(holder, pointer, length) == 0 && listen(holder, 1) == 0
        && getsockname(holder, pointer, &length) == 0
    }
  }
  try #require(bound)
  let port = Int(UInt16(bigEndian: address.sin_port))
  let path = try connectionFile(
    #"{"shell_port": \#(port), "iopub_port": 0, "stdin_port": 0, "control_port": 0, "#
      + #""hb_port": 0, "ip": "127.0.0.1", "key": "k"}"#)
  let folder = try FileSandbox(folder: NSTemporaryDirectory())
  #expect(
    throws: KernelStartError(
      "the shell channel cannot listen on tcp://127.0.0.1:\(port): Address already in use "
        + "(another kernel may be using the port; Jupyter picks free ports when it starts the "
        + "kernel)")
  ) {
    try KernelServer.serve(connectionFile: path, session: Session(), files: folder)
  }
}
