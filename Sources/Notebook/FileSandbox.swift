import Foundation
import Language

#if canImport(Glibc)
  import Glibc
#endif

/// Confines the files a session's code reads and writes to one folder: the notebook's folder on
/// replay and `:load`, the folder trainbook started in (or `--folder`) at the prompt. The prompt
/// and replay thus follow one set of rules with the same messages, and neither names the folder,
/// so a failure recorded at the prompt reads the same when replayed elsewhere; a notebook from
/// someone else replays without surprises.
///
/// Every path the language opens goes through `resolve(_:for:)` first: relative paths are taken
/// from the folder; `..` that climbs out of it, absolute paths elsewhere, and symbolic links that
/// lead out of it (or nowhere, for a write) are refused with a `SandboxError`. The language has
/// no way to run shell commands, so this is the only door to the file system.
public struct FileSandbox: Sendable {
  /// The folder, with symbolic links resolved.
  public let folder: String

  /// A sandbox around `folder` (resolved to its real path, so links to it work).
  /// - Throws: `SandboxError` if the folder does not exist.
  public init(folder: String) throws(SandboxError) {
    guard let real = realPath(folder), isDirectory(real) else {
      throw SandboxError(path: folder, reason: "the notebook's folder does not exist")
    }
    self.folder = real
  }

  /// The sandbox for the notebook stored at `notebookPath`: its folder.
  public init(notebookAt notebookPath: String) throws(SandboxError) {
    let folder = URL(fileURLWithPath: notebookPath).deletingLastPathComponent().path
    try self.init(folder: folder)
  }

  /// The absolute path to open for `path` as the notebook's code wrote it.
  /// - Throws: `SandboxError` if the path leads outside the folder.
  public func resolve(_ path: String, for access: FileUse) throws(SandboxError) -> String {
    guard !path.isEmpty else { throw SandboxError(path: path, reason: "the path is empty") }
    guard !path.contains("\0") else {
      throw SandboxError(path: path, reason: "the path contains a NUL character")
    }
    let joined = path.hasPrefix("/") ? path : folder + "/" + path
    guard let lexical = normalized(joined), isInside(lexical) else {
      throw outside(path)
    }
    // Resolve the longest prefix that exists; what follows it cannot hold a link.
    var existing = lexical
    var missing: [String] = []
    while realPath(existing) == nil {
      if existing == "/" { throw outside(path) }
      if isSymbolicLink(existing) {
        throw SandboxError(
          path: path, reason: "it goes through a symbolic link that points nowhere")
      }
      let url = URL(fileURLWithPath: existing)
      missing.insert(url.lastPathComponent, at: 0)
      existing = url.deletingLastPathComponent().path
    }
    guard let real = realPath(existing), isInside(real) else {
      throw SandboxError(
        path: path,
        reason: "it goes through a symbolic link that leads out of the notebook's folder")
    }
    if access == .read, !missing.isEmpty {
      throw SandboxError(path: path, reason: "no such file in the session's folder")
    }
    return ([real] + missing).joined(separator: "/")
  }

  /// Whether `absolute` (normalized) is the folder or inside it.
  private func isInside(_ absolute: String) -> Bool {
    absolute == folder || absolute.hasPrefix(folder == "/" ? "/" : folder + "/")
  }

  private func outside(_ path: String) -> SandboxError {
    SandboxError(
      path: path,
      reason: "it leads outside the session's folder; a session reads and writes files only in "
        + "the folder trainbook started in, as its notebook does in its own folder on replay")
  }
}

/// A path a notebook's code asked for that the sandbox refuses.
public struct SandboxError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The path as the code wrote it.
  public let path: String
  /// Why it is refused.
  public let reason: String

  /// `cannot use "PATH": REASON`.
  public var description: String { "cannot use \"\(path)\": \(reason)" }
}

/// `path` with `.`, `..` and repeated slashes resolved by text alone, or nil if `..` climbs
/// above the root.
private func normalized(_ path: String) -> String? {
  var parts: [Substring] = []
  for part in path.split(separator: "/") {
    switch part {
    case ".": continue
    case "..":
      guard parts.popLast() != nil else { return nil }
    default: parts.append(part)
    }
  }
  return "/" + parts.joined(separator: "/")
}

private func realPath(_ path: String) -> String? {
  guard let resolved = realpath(path, nil) else { return nil }
  defer { free(resolved) }
  return String(cString: resolved)
}

private func isDirectory(_ path: String) -> Bool {
  var isFolder: ObjCBool = false
  return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
}

private func isSymbolicLink(_ path: String) -> Bool {
  var info = stat()
  return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
}
