import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Creates the folder `url` that trainbook writes its own files into (a run's TensorBoard
/// folders), with any missing folders above it; does nothing if it is already a folder.
///
/// A symbolic link where a folder trainbook names should be is refused rather than followed: the
/// caller chose the folder's name, not its place, so a link planted there (by a notebook's
/// author, say) must not carry the files somewhere else. Every folder from `root` (exclusive,
/// resolved by the caller) down to `url` is checked; without `root`, only `url` itself.
/// - Throws: `FileWriteError` naming the folder if it is a link or something else than a folder,
///   or cannot be created.
public func createFolder(_ url: URL, below root: URL? = nil) throws(FileWriteError) {
  var folders = [url.standardizedFileURL]
  if let root {
    let base = root.standardizedFileURL.pathComponents
    let parts = url.standardizedFileURL.pathComponents
    guard parts.starts(with: base), parts.count > base.count else {
      throw FileWriteError(path: url.path, reason: "it is not inside \(root.path)")
    }
    folders = (base.count + 1...parts.count).map { count in
      URL(fileURLWithPath: NSString.path(withComponents: Array(parts.prefix(count))))
    }
    // The root is the caller's (resolved) choice: made as given, links and all.
    try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
  }
  for folder in folders {
    var info = stat()
    if lstat(folder.path, &info) == 0 {
      switch info.st_mode & S_IFMT {
      case S_IFDIR: continue
      case S_IFLNK:
        throw FileWriteError(
          path: folder.path,
          reason: "it is a symbolic link; trainbook writes its own folders only where they are, "
            + "never through a link")
      default: throw FileWriteError(path: folder.path, reason: "it exists and is not a folder")
      }
    }
    if root != nil {
      // The folders above were checked or made just before: one level at a time.
      if mkdir(folder.path, 0o777) != 0, errno != EEXIST {
        throw FileWriteError(path: folder.path, reason: String(cString: strerror(errno)))
      }
    } else {
      do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      } catch {
        throw FileWriteError(path: folder.path, reason: "the folder cannot be created")
      }
    }
  }
}
