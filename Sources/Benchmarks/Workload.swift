/// One benchmark of `trainbook bench`: it runs, times itself and reports one result.
///
/// To add a workload, write a type conforming to this protocol in its own file and list it in
/// `BenchmarkRunner.workloads`.
public protocol Workload: Sendable {
  /// The name on the command line and in the JSON line, e.g. `"gemm"`.
  var name: String { get }
  /// Runs the workload and reports its time and rate.
  func run() throws -> BenchmarkResult
}

/// What a workload measured, printed as one JSON line in the format of the PyTorch reference
/// script: `{"workload": "gemm", "seconds": 0.0112, "gflops": 191.7}`.
public struct BenchmarkResult: Sendable {
  /// The workload's name.
  public let workload: String
  /// The time measured, in seconds (the whole run, or the median repetition).
  public let seconds: Double
  /// The rate, named as in the reference (`samples_per_s`, `gflops`, …) and its value.
  public let rate: (name: String, value: Double)

  /// Creates a result; `rate` is, e.g., `("samples_per_s", 1.2e6)`.
  public init(workload: String, seconds: Double, rate: (name: String, value: Double)) {
    self.workload = workload
    self.seconds = seconds
    self.rate = rate
  }

  /// The result as one JSON object on one line, keys in the reference script's order.
  public var jsonLine: String {
    "{\"workload\": \"\(workload)\", \"seconds\": \(seconds), \"\(rate.name)\": \(rate.value)}"
  }
}
