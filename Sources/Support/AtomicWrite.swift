import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Writes `bytes` to the file at `path` atomically and durably, so a reader sees the old file or
/// the new one, never half of one, even if the process is killed or the machine loses power:
///
/// 1. the bytes go into a new temporary file in the same folder, `.<name>.<pid>.<uuid>.tmp`
///    (created exclusively, never through a link), which is flushed to the disk (`fsync`);
/// 2. it is renamed over `path` (POSIX `rename`, which replaces a link at `path` rather than
///    following it);
/// 3. the folder is flushed, so the rename itself survives a crash.
///
/// Temporary files that an earlier save to the same `path` left behind when its process was
/// killed (ours by their name, and their process gone) are removed first. Every file trainbook
/// writes goes through here.
public func writeAtomically(_ bytes: some Sequence<UInt8>, to path: String) throws(FileWriteError) {
  let url = URL(fileURLWithPath: path)
  let folder = url.deletingLastPathComponent().path
  let name = url.lastPathComponent
  removeLeftovers(of: name, in: folder)
  let temporary = folder + "/.\(name).\(getpid()).\(UUID().uuidString).tmp"
  let file = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
  guard file >= 0 else { throw FileWriteError(path: path, reason: systemReason()) }
  var failure: String?
  let data = Array(bytes)
  data.withUnsafeBytes { buffer in
    guard let start = buffer.baseAddress else { return }
    var offset = 0
    while offset < buffer.count, failure == nil {
      let written = write(file, start + offset, buffer.count - offset)
      if written > 0 {
        offset += written
      } else if written < 0, errno != EINTR {
        failure = systemReason()
      }
    }
  }
  if failure == nil, fsync(file) != 0 { failure = systemReason() }
  if close(file) != 0, failure == nil { failure = systemReason() }
  if failure == nil, rename(temporary, path) != 0 { failure = systemReason() }
  if let failure {
    unlink(temporary)
    throw FileWriteError(path: path, reason: failure)
  }
  flushFolder(folder)
}

/// Flushes `folder`'s entries to the disk, so a rename inside it survives a crash.
private func flushFolder(_ folder: String) {
  let handle = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
  guard handle >= 0 else { return }
  fsync(handle)
  close(handle)
}

/// Removes `.<name>.<pid>.<uuid>.tmp` files in `folder` whose process no longer runs: what a
/// save of `name` killed half-way left behind.
private func removeLeftovers(of name: String, in folder: String) {
  guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
  let prefix = ".\(name)."
  for entry in entries where entry.hasPrefix(prefix) && entry.hasSuffix(".tmp") {
    let middle = entry.dropFirst(prefix.count).dropLast(".tmp".count).split(separator: ".")
    guard middle.count == 2, let owner = Int32(middle[0]), owner > 0,
      UUID(uuidString: String(middle[1])) != nil
    else { continue }
    if owner != getpid(), kill(owner, 0) != 0, errno == ESRCH {
      unlink(folder + "/" + entry)
    }
  }
}

/// The text of the current `errno`.
private func systemReason() -> String { String(cString: strerror(errno)) }

/// A file that could not be written, with the path and the reason.
public struct FileWriteError: Error, CustomStringConvertible {
  /// The file that was being written.
  public var path: String
  /// What went wrong.
  public var reason: String
  /// "cannot write <path>: <reason>".
  public var description: String { "cannot write \(path): \(reason)" }

  /// An error saying `path` could not be written because of `reason`.
  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }
}
