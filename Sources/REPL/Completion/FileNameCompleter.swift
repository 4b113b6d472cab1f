#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One entry of a folder.
public struct FolderEntry: Sendable, Equatable {
  /// The entry's name, without its folder.
  public var name: String
  /// Whether the entry is itself a folder (completed with a trailing `/`).
  public var isFolder: Bool

  /// Creates an entry.
  public init(name: String, isFolder: Bool) {
    self.name = name
    self.isFolder = isFolder
  }

  /// The entries of the folder at `path` (without `.` and `..`), or `nil` if it cannot be read.
  public static func list(_ path: String) -> [FolderEntry]? {
    guard let folder = opendir(path) else { return nil }
    defer { closedir(folder) }
    var entries: [FolderEntry] = []
    while let entry = readdir(folder) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
        String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
      }
      guard name != ".", name != ".." else { continue }
      var isFolder = Int32(entry.pointee.d_type) == Int32(DT_DIR)
      if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN)
        || Int32(entry.pointee.d_type) == Int32(DT_LNK)
      {
        var status = stat()
        let full = path.hasSuffix("/") ? path + name : path + "/" + name
        isFolder = stat(full, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
      }
      entries.append(FolderEntry(name: name, isFolder: isFolder))
    }
    return entries
  }
}

/// Completes a file path typed inside a string: `"data/ir` offers `data/iris.csv`; folders end
/// with `/`; `~/` means the home folder; hidden files show only once a `.` is typed.
struct FileNameCompleter {
  let listFolder: (String) -> [FolderEntry]?

  /// The paths that complete `typed`, sorted, each the whole path as it would be typed.
  func complete(_ typed: String) -> [String] {
    let slash = typed.lastIndex(of: "/")
    let folder = slash.map { String(typed[...$0]) } ?? ""
    let prefix = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
    guard let entries = listFolder(expandingHome(in: folder.isEmpty ? "." : folder)) else {
      return []
    }
    return
      entries
      .filter { $0.name.hasPrefix(prefix) && (prefix.hasPrefix(".") || !$0.name.hasPrefix(".")) }
      .map { folder + $0.name + ($0.isFolder ? "/" : "") }
      .sorted()
  }

  private func expandingHome(in path: String) -> String {
    guard path.hasPrefix("~/"), let home = getenv("HOME") else { return path }
    return String(cString: home) + path.dropFirst()
  }
}
