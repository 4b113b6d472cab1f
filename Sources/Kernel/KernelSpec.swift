import Foundation
import Support

/// The kernelspec that tells Jupyter how to start trainbook: `kernels/trainbook/kernel.json`
/// and the logo, in one of Jupyter's data folders.
public struct KernelSpec {
  /// The kernel's name in Jupyter (`jupyter kernelspec list`, a notebook's metadata).
  public static let name = "trainbook"

  /// The command Jupyter runs: this program, `kernel -f` and the connection file.
  public var executable: String

  /// A kernelspec that starts `executable`.
  public init(executable: String) { self.executable = executable }

  /// `kernel.json`: the command, the name shown, the language, and interrupts sent as messages
  /// on the control channel.
  public var json: String {
    JSONValue.object([
      (
        "argv",
        .array([
          .string(executable), .string("kernel"), .string("-f"), .string("{connection_file}"),
        ])
      ),
      ("display_name", .string("trainbook")), ("language", .string("trainbook")),
      ("interrupt_mode", .string("message")),
      ("metadata", .object([("debugger", .bool(false))])),
    ]).text() + "\n"
  }

  /// Writes the kernelspec into `folder`/kernels/trainbook (made if missing), replacing an
  /// earlier one, and returns the folder written.
  public func install(inDataFolder folder: String) throws -> String {
    let destination = folder + "/kernels/" + Self.name
    try FileManager.default.createDirectory(
      atPath: destination, withIntermediateDirectories: true)
    try writeAtomically(json.utf8, to: destination + "/kernel.json")
    for (name, bytes) in KernelLogo.files {
      try writeAtomically(bytes, to: destination + "/" + name)
    }
    return destination
  }

  /// The Jupyter data folder for one user: `$JUPYTER_DATA_DIR`, else `~/.local/share/jupyter`
  /// (on macOS `~/Library/Jupyter`).
  public static func userDataFolder(environment: [String: String]) -> String {
    if let folder = environment["JUPYTER_DATA_DIR"], !folder.isEmpty { return folder }
    let home = environment["HOME"] ?? NSHomeDirectory()
    #if os(macOS)
      return home + "/Library/Jupyter"
    #else
      let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      return (base ?? home + "/.local/share") + "/jupyter"
    #endif
  }

  /// The Jupyter data folder under an installation prefix (`PREFIX/share/jupyter`), as
  /// `jupyter kernelspec install --prefix` uses; `/usr/local` is the system-wide one.
  public static func dataFolder(prefix: String) -> String { prefix + "/share/jupyter" }
}
