import Foundation

extension CallContext {
  /// The file a built-in reads or writes for the path `path` as the learner wrote it.
  func url(for path: String, argument: String) throws -> URL {
    guard !path.isEmpty else { throw CallError("the path is empty", argument: argument) }
    return URL(fileURLWithPath: path)
  }
}
