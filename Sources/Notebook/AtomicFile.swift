import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Writes `text` to `path` atomically: into a temporary file in the same folder, then renamed
/// over `path` (POSIX `rename`), so a reader sees the old file or the new one, never half of one.
public func writeAtomically(_ text: String, to path: String) throws {
  let url = URL(fileURLWithPath: path)
  let temporary = url.deletingLastPathComponent()
    .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
  try Data(text.utf8).write(to: temporary)
  guard rename(temporary.path, url.path) == 0 else {
    let reason = String(cString: strerror(errno))
    try? FileManager.default.removeItem(at: temporary)
    throw AtomicWriteError(path: path, reason: reason)
  }
}

/// Renaming a written temporary file over its destination failed.
struct AtomicWriteError: Error, CustomStringConvertible {
  let path: String
  let reason: String
  var description: String { "cannot write \(path): \(reason)" }
}
