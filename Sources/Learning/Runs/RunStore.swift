import Foundation
import Support
import Synchronization

/// The `runs/` folder: one `<id>.json` (the `RunRecord`) and one `<id>.csv` (its history) per run.
public struct RunStore: Sendable {
  /// The folder the runs are kept in.
  public var folder: URL

  /// A store in `folder` (created on the first save).
  public init(folder: URL) { self.folder = folder }

  /// Ids handed out by this process, so two runs started in the same second differ even before
  /// either is saved.
  private static let issued = Mutex<Set<String>>([])

  /// A new id `yyyyMMdd-HHmmss-NNN` (UTC time of `createdAt`, then a counter) that sorts by time
  /// and is used by no saved run and no id this process gave out before.
  public func makeID(createdAt: Date) throws -> String {
    let parts = Calendar(identifier: .gregorian).dateComponents(
      in: TimeZone(identifier: "UTC") ?? .current, from: createdAt)
    let stamp =
      padded(parts.year, 4) + padded(parts.month, 2) + padded(parts.day, 2) + "-"
      + padded(parts.hour, 2) + padded(parts.minute, 2) + padded(parts.second, 2)
    let saved = Set(try ids())
    return Self.issued.withLock { issued in
      var counter = 1
      while saved.contains("\(stamp)-\(padded(counter, 3))")
        || issued.contains("\(stamp)-\(padded(counter, 3))")
      {
        counter += 1
      }
      let id = "\(stamp)-\(padded(counter, 3))"
      issued.insert(id)
      return id
    }
  }

  /// Saves `run` as `<id>.json` and `<id>.csv`, each written atomically, replacing an earlier
  /// save of the same run.
  public func save(_ run: RunRecord) throws {
    try checkID(run.id)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try writeAtomically(try run.jsonData(), to: url(run.id, "json").path)
    try writeAtomically(run.historyCSV.utf8, to: url(run.id, "csv").path)
  }

  /// The ids of the saved runs, oldest first; none if the folder does not exist.
  public func ids() throws -> [String] {
    guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
    return try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
      .map { String($0.dropLast(".json".count)) }
      .sorted()
  }

  /// Every saved run, oldest first.
  public func list() throws -> [RunRecord] {
    try ids().map(load)
  }

  /// The run saved as `<id>.json`.
  public func load(id: String) throws -> RunRecord {
    try checkID(id)
    let file = url(id, "json")
    guard FileManager.default.fileExists(atPath: file.path) else {
      throw RunStoreError("no run '\(id)' in \(folder.lastPathComponent)/")
    }
    do {
      return try RunRecord(json: try Data(contentsOf: file))
    } catch {
      throw RunStoreError("\(folder.lastPathComponent)/\(id).json is not a valid run: \(error)")
    }
  }

  private func url(_ id: String, _ fileExtension: String) -> URL {
    folder.appendingPathComponent("\(id).\(fileExtension)")
  }

  /// Ids name files, so they are letters, digits, `-`, `_` and `.`, not starting with `.`.
  private func checkID(_ id: String) throws {
    let allowed = id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
    guard allowed, !id.isEmpty, !id.hasPrefix(".") else {
      throw RunStoreError(
        "'\(id)' is not a run id; ids are letters, digits, '-', '_' and '.', "
          + "e.g. 20260101-120000-001")
    }
  }

  /// `value` as decimal digits, zero-padded to `width`.
  private func padded(_ value: Int?, _ width: Int) -> String {
    let digits = String(value ?? 0)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}

/// A run that cannot be found, named or read.
public struct RunStoreError: Error, CustomStringConvertible {
  /// What went wrong.
  public var description: String

  /// An error saying `description`.
  public init(_ description: String) { self.description = description }
}
