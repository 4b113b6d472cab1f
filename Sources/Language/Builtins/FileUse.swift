import Foundation
import Learning
import Support

/// Whether the language opens a file to read it or to write it, for `Session.resolvePath`.
public enum FileUse: Sendable {
  /// Reading an existing file (a CSV, an IDX file, weights).
  case read
  /// Creating or replacing a file (a chart, weights).
  case write
}

extension CallContext {
  /// The path to open for `path` as the code wrote it in the argument `label`, through the
  /// session's `resolvePath` hook; a refusal becomes a diagnostic at that argument, and so do a
  /// folder where a file is to be written and a file to be written into a folder that does not
  /// exist (unless `folder`: the call writes into a folder).
  public func resolve(
    _ path: String, for use: FileUse, argument label: String, folder: Bool = false
  ) throws -> String {
    guard !path.isEmpty else {
      throw CallError(
        "the file name is empty", hint: "write a name like \"data.csv\"",
        argument: label)
    }
    let resolved: String
    do {
      resolved = try session.resolvePath(path, use)
    } catch {
      throw CallError("\(error)", argument: label)
    }
    var isFolder: ObjCBool = false
    if use == .write, !folder,
      FileManager.default.fileExists(atPath: resolved, isDirectory: &isFolder), isFolder.boolValue
    {
      throw CallError(
        "cannot write \(Value.string(path).summary): it is a folder, not a file",
        hint:
          "name a file inside it, such as \"\(path == "." ? "" : path + "/")weights.safetensors\"",
        argument: label)
    }
    let parent = URL(fileURLWithPath: resolved).deletingLastPathComponent().path
    if use == .write, !folder,
      !FileManager.default.fileExists(atPath: parent, isDirectory: &isFolder) || !isFolder.boolValue
    {
      throw CallError(
        "cannot write \(Value.string(path).summary): its folder does not exist",
        hint: "create the folder first, or write to a file in the working folder",
        argument: label)
    }
    return resolved
  }
}

extension CallContext {
  /// Writes `bytes` atomically to `path` as the code wrote it in the argument `label`, through
  /// the session's path hook; any failure becomes a diagnostic at that argument naming the path
  /// as written.
  public func write(_ bytes: [UInt8], to path: String, argument label: String) throws {
    let resolved = try resolve(path, for: .write, argument: label)
    do {
      try writeAtomically(bytes, to: resolved)
    } catch {
      throw CallError(
        "cannot write \(Value.string(path).summary): \(error.reason.lowercased())",
        hint: "check that the folder can be written", argument: label)
    }
  }
}
