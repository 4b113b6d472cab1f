/// Runs `trainbook bench`'s workloads by name.
public enum BenchmarkRunner {
  /// Every workload, in the order a bare `trainbook bench` runs them.
  public static let workloads: [any Workload] = [
    TinyWorkload(), MLPWorkload(), MatrixMultiplyWorkload(), OperationOverheadWorkload(),
    StartupWorkload(), ReplayWorkload(), GridWorkload(), NotebookParsingWorkload(),
    SweepWorkload(),
  ]

  /// The names of every workload.
  public static var names: [String] { workloads.map(\.name) }

  /// Runs the named workloads (all when `names` is empty) in order, passing each result to
  /// `report` as soon as it is known. Throws before running anything if a name is unknown.
  public static func run(
    _ names: [String], report: (BenchmarkResult) throws -> Void
  ) throws {
    let chosen = try names.isEmpty ? workloads : names.map(workload(named:))
    for workload in chosen { try workload.run(report: report) }
  }

  /// The workload called `name`.
  private static func workload(named name: String) throws -> any Workload {
    guard let found = workloads.first(where: { $0.name == name }) else {
      throw UnknownWorkload(name: name, known: names)
    }
    return found
  }
}

/// A workload name that `trainbook bench` does not know.
public struct UnknownWorkload: Error, CustomStringConvertible {
  /// The name asked for.
  public let name: String
  /// The names that exist.
  public let known: [String]

  /// Names the unknown workload and lists the known ones.
  public var description: String {
    "no benchmark workload named '\(name)'; the workloads are: \(known.joined(separator: ", "))"
  }
}

/// The seconds that `body` takes.
public func measureSeconds(_ body: () throws -> Void) rethrows -> Double {
  let clock = ContinuousClock()
  let elapsed = try clock.measure(body)
  let (seconds, attoseconds) = elapsed.components
  return Double(seconds) + Double(attoseconds) * 1e-18
}
