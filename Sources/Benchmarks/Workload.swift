/// One benchmark of `trainbook bench`: it runs, times itself and reports its results.
///
/// To add a workload, write a type conforming to this protocol (or to `SingleResultWorkload`)
/// in its own file and list it in `BenchmarkRunner.workloads`.
public protocol Workload: Sendable {
  /// The name on the command line and in the JSON line, e.g. `"gemm"`.
  var name: String { get }
  /// Runs the workload, passing each result (one, or one per cell of a grid) to `report` as soon
  /// as it is measured.
  func run(report: (BenchmarkResult) throws -> Void) throws
}

/// A workload that measures one thing and reports one result.
protocol SingleResultWorkload: Workload {
  /// Runs the workload and reports its time and rate.
  func run() throws -> BenchmarkResult
}

extension SingleResultWorkload {
  /// Reports the one result of `run()`.
  func run(report: (BenchmarkResult) throws -> Void) throws { try report(try run()) }
}

/// What a workload measured, printed as one JSON line in the format of the PyTorch reference
/// script: `{"workload": "gemm", "seconds": 0.0112, "gflops": 191.7}`, or for a grid's cell
/// `{"workload": "grid", "hidden": 32, "batch": 8, "seconds": …, "samples_per_s": …}`.
public struct BenchmarkResult: Sendable {
  /// The workload's name.
  public let workload: String
  /// The settings that name a cell of a grid workload (e.g. hidden 32, batch 8), in order; empty
  /// for other workloads.
  public let cell: [(name: String, value: Int)]
  /// The time measured, in seconds (the whole run, or the median repetition).
  public let seconds: Double
  /// The rate, named as in the reference (`samples_per_s`, `gflops`, …) and its value.
  public let rate: (name: String, value: Double)
  /// More measurements after the rate, each a name and its JSON value (`"identical": true`).
  public var more: [(name: String, json: String)] = []

  /// Creates a result; `rate` is, e.g., `("samples_per_s", 1.2e6)`.
  public init(
    workload: String, cell: [(name: String, value: Int)] = [], seconds: Double,
    rate: (name: String, value: Double)
  ) {
    self.workload = workload
    self.cell = cell
    self.seconds = seconds
    self.rate = rate
  }

  /// The result as one JSON object on one line, keys in the reference script's order.
  public var jsonLine: String {
    let settings = cell.map { ", \"\($0.name)\": \($0.value)" }.joined()
    let extra = more.map { ", \"\($0.name)\": \($0.json)" }.joined()
    return "{\"workload\": \"\(workload)\"\(settings), \"seconds\": \(seconds), "
      + "\"\(rate.name)\": \(rate.value)\(extra)}"
  }
}
