import Foundation

/// Writes `bytes` to `url` atomically: into a temporary file in the same folder, then renamed
/// over the destination, so a reader never sees a half-written file.
package func writeAtomically(_ bytes: [UInt8], to url: URL) throws {
  let folder = url.deletingLastPathComponent()
  let temporary = folder.appendingPathComponent(
    ".\(url.lastPathComponent).\(UUID().uuidString).tmp")
  do {
    try Data(bytes).write(to: temporary)
    if rename(temporary.path, url.path) != 0 {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
    }
  } catch {
    try? FileManager.default.removeItem(at: temporary)
    throw FileWriteError(path: url.path, reason: "\(error.localizedDescription)")
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
