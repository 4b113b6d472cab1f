import Foundation
import Support

/// An error's message in plain words: trainbook's own errors as they describe themselves (a file
/// that could not be written by its name, not the whole path), and a
/// system error (Foundation's `Error Domain=NSCocoaErrorDomain Code=260 …`, or on Linux "The
/// operation could not be completed. (NSCocoaErrorDomain error 512.)") as a sentence naming the
/// file and the reason.
func plainDescription(of error: any Error) -> String {
  if let error = error as? FileWriteError {
    let name = URL(fileURLWithPath: error.path).lastPathComponent
    return "cannot write \(name): \(error.reason.lowercased())"
  }
  guard let error = error as? CocoaError else { return "\(error)" }
  let path = error.filePath.map { " \($0)" } ?? ""
  var reason = ""
  if let posix = error.underlying as? POSIXError {
    reason = ": " + String(cString: strerror(posix.code.rawValue)).lowercased()
  }
  switch error.code {
  case .fileNoSuchFile, .fileReadNoSuchFile: return "there is no file or folder at\(path)"
  case .fileReadNoPermission, .fileWriteNoPermission: return "permission denied for\(path)"
  case .fileWriteOutOfSpace: return "the disk is full; cannot write\(path)"
  case .fileWriteVolumeReadOnly: return "the disk is read-only; cannot write\(path)"
  case .fileWriteFileExists: return "something is already at\(path)"
  default:
    let verb = error.code.rawValue < CocoaError.fileWriteUnknown.rawValue ? "read" : "write"
    return "cannot \(verb)\(path)\(reason)"
  }
}
