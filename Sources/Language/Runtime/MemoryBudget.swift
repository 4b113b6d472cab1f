import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// How much memory a session may use, so that no value a learner types or a notebook asks for
/// can exhaust the machine: a value, a dataset, a layer or a training history that would take
/// the process past the budget is refused with a ``MemoryError`` naming it and by how much.
///
/// The budget counts the whole process's resident memory (what `/proc/self/statm` reports), so
/// it covers every kind of value alike. By default it is half of the machine's memory (or of the
/// container's limit, when smaller); `TRAINBOOK_MEMORY` or the `--memory` flag sets it
/// (`4G`, `512M`, `2000000000`).
public struct MemoryBudget: Sendable, Equatable {
  /// The most bytes the process may hold.
  public var limit: Int

  /// A budget of `limit` bytes.
  public init(limit: Int) { self.limit = limit }

  /// The environment variable that sets the budget.
  public static let variable = "TRAINBOOK_MEMORY"

  /// The budget for a new session: `TRAINBOOK_MEMORY` when it is set and valid, else half of
  /// the machine's memory.
  public static var standard: MemoryBudget {
    if let text = ProcessInfo.processInfo.environment[variable], let bytes = bytes(in: text) {
      return MemoryBudget(limit: bytes)
    }
    return machineDefault
  }

  /// Half of the machine's memory, or of the container's memory limit when that is smaller.
  public static var machineDefault: MemoryBudget {
    let pages = sysconf(Int32(_SC_PHYS_PAGES))
    var total = pages > 0 ? pages * pageSize : 8 << 30
    if let container = firstNumber(in: "/sys/fs/cgroup/memory.max") {
      total = min(total, container)
    }
    return MemoryBudget(limit: total / 2)
  }

  /// The bytes `text` names: a whole number of bytes, or a number followed by `K`, `M`, `G` or
  /// `T` (powers of 1024; a trailing `B` or `iB` is allowed); nil if it is not one, or below
  /// 64 MB (too little to start a session).
  public static func bytes(in text: String) -> Int? {
    var digits = text.trimmingCharacters(in: .whitespaces).uppercased()
    for suffix in ["IB", "B"] where digits.hasSuffix(suffix) { digits.removeLast(suffix.count) }
    var scale = 1.0
    if let unit = digits.last, let power = ["K", "M", "G", "T"].firstIndex(of: String(unit)) {
      scale = pow(1024, Double(power + 1))
      digits.removeLast()
    }
    guard let number = Double(digits), number.isFinite, number > 0 else { return nil }
    let bytes = number * scale
    guard bytes >= 64 * 1_048_576, bytes < 1e18 else { return nil }
    return Int(bytes)
  }

  /// The process's resident memory now, in bytes.
  public static var residentBytes: Int {
    (number(at: 1, in: "/proc/self/statm") ?? 0) * pageSize
  }

  /// The first whole number in the small system file at `path`, if any.
  private static func firstNumber(in path: String) -> Int? { number(at: 0, in: path) }

  /// The `index`th space-separated whole number in the small system file at `path`, if any
  /// (read with one system call: these files are made as they are read).
  private static func number(at index: Int, in path: String) -> Int? {
    let file = open(path, O_RDONLY)
    guard file >= 0 else { return nil }
    defer { close(file) }
    var buffer = [UInt8](repeating: 0, count: 256)
    let count = buffer.withUnsafeMutableBytes { read(file, $0.baseAddress, $0.count) }
    guard count > 0 else { return nil }
    let fields = buffer[0..<count].split(whereSeparator: { $0 == 0x20 || $0 == 0x0A })
    guard fields.count > index else { return nil }
    return Int(String(decoding: fields[index], as: UTF8.self))
  }

  /// Throws if `bytes` more would take the process past the budget; `what` names what needs them
  /// (a call as written, say).
  public func check(adding bytes: Int, for what: String) throws(MemoryError) {
    let inUse = Self.residentBytes
    let (total, overflow) = inUse.addingReportingOverflow(max(bytes, 0))
    if overflow || total > limit {
      throw MemoryError(what: what, needed: bytes, inUse: inUse, limit: limit)
    }
  }

  /// Throws if the process already holds more than the budget; `what` names what made it grow.
  public func checkInUse(after what: String) throws(MemoryError) {
    try check(adding: 0, for: what)
  }

  private static let pageSize = max(sysconf(Int32(_SC_PAGESIZE)), 4096)
}

/// Something that would take the session past its memory budget.
public struct MemoryError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What needs the memory, as the learner wrote it.
  public var what: String
  /// The bytes it needs (0 when it has already grown the session past the budget).
  public var needed: Int
  /// The bytes the process held when it was checked.
  public var inUse: Int
  /// The budget.
  public var limit: Int

  /// Creates the error.
  public init(what: String, needed: Int, inUse: Int, limit: Int) {
    self.what = what
    self.needed = needed
    self.inUse = inUse
    self.limit = limit
  }

  /// Which budget was passed, by how much, and what was in use.
  public var description: String {
    let (total, overflow) = inUse.addingReportingOverflow(needed)
    let over = overflow ? "far" : "by " + byteCount(total - limit)
    if needed == 0 {
      return "\(what) took the session past its memory budget of \(byteCount(limit)) \(over) "
        + "(\(byteCount(inUse)) in use)"
    }
    return "\(what) needs \(byteCount(needed)), which would pass the session's memory budget of "
      + "\(byteCount(limit)) \(over) (\(byteCount(inUse)) already in use)"
  }

  /// What to do about it.
  public static let hint =
    "use less data, fewer folds or smaller layers, or raise the budget with --memory or "
    + "\(MemoryBudget.variable) (e.g. 8G)"
}

/// `bytes` for a person: `512 B`, `3.2 KB`, `240 MB`, `1.5 GB` (powers of 1024).
public func byteCount(_ bytes: Int) -> String {
  let units = ["B", "KB", "MB", "GB", "TB", "PB", "EB"]
  var value = Double(bytes)
  var unit = 0
  while value >= 1024, unit < units.count - 1 {
    value /= 1024
    unit += 1
  }
  return unit == 0 ? "\(bytes) B" : String(format: "%.1f", value) + " " + units[unit]
}
