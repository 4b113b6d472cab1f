import ArgumentParser
import Benchmarks
import Foundation

struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Run the benchmark workloads and print one JSON line each.",
    discussion: "Workloads: \(BenchmarkRunner.names.joined(separator: ", ")) (all if none given).")

  @Argument(help: "Workloads to run, by name or comma-separated (e.g. gemm or tiny,gemm).")
  var workloads: [String] = []

  func run() throws {
    let names = workloads.flatMap { $0.split(separator: ",").map(String.init) }
    do {
      try BenchmarkRunner.run(names) { result in
        FileHandle.standardOutput.write(Data((result.jsonLine + "\n").utf8))
      }
    } catch let error as UnknownWorkload {
      throw ValidationError(error.description)
    }
  }
}
