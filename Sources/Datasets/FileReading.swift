import Foundation

/// The bytes of the file at `path`, or a `DataError` saying why it cannot be read.
func readFile(_ path: String) throws(DataError) -> [UInt8] {
  var isFolder: ObjCBool = false
  guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
    throw DataError(
      .unreadableFile, "there is no file here", file: path,
      hint: "relative paths start from the folder trainbook was started in: "
        + FileManager.default.currentDirectoryPath)
  }
  guard !isFolder.boolValue else {
    throw DataError(.unreadableFile, "this is a folder, not a file", file: path)
  }
  guard let data = FileManager.default.contents(atPath: path) else {
    throw DataError(
      .unreadableFile, "the file cannot be read", file: path, hint: "check its permissions")
  }
  return [UInt8](data)
}
