/// Whether the language opens a file to read it or to write it, for `Session.resolvePath`.
public enum FileUse: Sendable {
  /// Reading an existing file (a CSV, an IDX file, weights).
  case read
  /// Creating or replacing a file (a chart, weights).
  case write
}

extension CallContext {
  /// The path to open for `path` as the code wrote it in the argument `label`, through the
  /// session's `resolvePath` hook; a refusal becomes a diagnostic at that argument.
  public func resolve(_ path: String, for use: FileUse, argument label: String) throws -> String {
    guard !path.isEmpty else {
      throw CallError("the file name is empty", hint: "write a name like \"data.csv\"",
        argument: label)
    }
    do {
      return try session.resolvePath(path, use)
    } catch {
      throw CallError("\(error)", argument: label)
    }
  }
}
