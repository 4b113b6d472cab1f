import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Creates the folder `url` that trainbook writes its own files into (a run's TensorBoard folder,
/// `runs/`), with any missing folders above it; does nothing if it is already a folder.
///
/// A symbolic link where the folder should be is refused rather than followed: the caller chose
/// the folder's name, not its place, so a link planted there (by a notebook's author, say) must
/// not carry the files somewhere else.
/// - Throws: `FileWriteError` naming the folder if it is a link or something else than a folder,
///   or cannot be created.
public func createFolder(_ url: URL) throws(FileWriteError) {
  var info = stat()
  if lstat(url.path, &info) == 0 {
    switch info.st_mode & S_IFMT {
    case S_IFDIR: return
    case S_IFLNK:
      throw FileWriteError(
        path: url.path,
        reason: "it is a symbolic link; trainbook writes its own folders only where they are, "
          + "never through a link")
    default: throw FileWriteError(path: url.path, reason: "it exists and is not a folder")
    }
  }
  do {
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  } catch {
    throw FileWriteError(path: url.path, reason: "the folder cannot be created")
  }
}
