import Foundation

/// Runs `body` with a new empty folder inside the system's temporary folder, then removes the
/// folder and everything in it, whether `body` returns or throws, so tests leave nothing behind.
///
/// The folder's name starts with `prefix` and ends with a UUID, so tests running at the same
/// time never share one.
public func withTemporaryFolder<Result>(
  _ prefix: String = "trainbook-test", _ body: (_ folder: URL) throws -> Result
) throws -> Result {
  let folder = FileManager.default.temporaryDirectory
    .appendingPathComponent(prefix + "-" + UUID().uuidString)
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: folder) }
  return try body(folder)
}
