/// `startup`: how long the prompt takes from a cold process start to reading its first line, as
/// the median of 21 starts of the release binary with `:quit` piped in (goal: under 50 ms).
struct StartupWorkload: SingleResultWorkload {
  let name = "startup"

  func run() throws -> BenchmarkResult {
    var times: [Double] = []
    for _ in 0..<21 { times.append(try secondsToRunThisExecutable([], input: ":quit\n")) }
    let median = times.sorted()[times.count / 2]
    return BenchmarkResult(workload: name, seconds: median, rate: ("milliseconds", median * 1000))
  }
}
