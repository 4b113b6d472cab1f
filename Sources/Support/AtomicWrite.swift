import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Writes `bytes` to the file at `path` atomically: into a temporary file in the same folder,
/// then renamed over `path` (POSIX `rename`), so a reader sees the old file or the new one, never
/// half of one. Every file trainbook writes goes through here.
public func writeAtomically(_ bytes: some Sequence<UInt8>, to path: String) throws(FileWriteError) {
  let url = URL(fileURLWithPath: path)
  let temporary = url.deletingLastPathComponent()
    .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
  do {
    try Data(bytes).write(to: temporary)
  } catch {
    throw FileWriteError(path: path, reason: error.localizedDescription)
  }
  guard rename(temporary.path, url.path) == 0 else {
    let reason = String(cString: strerror(errno))
    try? FileManager.default.removeItem(at: temporary)
    throw FileWriteError(path: path, reason: reason)
  }
}

/// A file that could not be written, with the path and the reason.
public struct FileWriteError: Error, CustomStringConvertible {
  /// The file that was being written.
  public var path: String
  /// What went wrong.
  public var reason: String
  /// "cannot write <path>: <reason>".
  public var description: String { "cannot write \(path): \(reason)" }
}
