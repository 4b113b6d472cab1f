import Foundation

extension CallContext {
  /// The file a built-in reads or writes for `path` as the code wrote it in the argument
  /// `argument`, through the session's path hook (a notebook confines paths to its folder).
  func url(for path: String, argument: String, use: FileUse = .write) throws -> URL {
    URL(fileURLWithPath: try resolve(path, for: use, argument: argument))
  }

  /// The folder a built-in writes files into for `path`, as `url(for:argument:use:)` does.
  func folderURL(for path: String, argument: String) throws -> URL {
    URL(fileURLWithPath: try resolve(path, for: .write, argument: argument, folder: true))
  }
}
