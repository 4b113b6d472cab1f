import ArgumentParser

struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench", abstract: "Run the benchmark workloads and print one JSON line each.")

  func run() throws { throw NotYetBuilt(command: "bench") }
}
