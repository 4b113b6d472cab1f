/// `replay`: the time to replay and check every shipped notebook (`notebooks/*.md`) and to verify
/// every lesson (each solution passes, each exercise fails), run from the package's top folder
/// (goal: under 60 s together).
struct ReplayWorkload: SingleResultWorkload {
  let name = "replay"

  func run() throws -> BenchmarkResult {
    let notebooks = markdownFiles(in: "notebooks")
    var seconds = 0.0
    if !notebooks.isEmpty {
      seconds += try secondsToRunThisExecutable(["replay", "--check"] + notebooks)
    }
    seconds += try secondsToRunThisExecutable(["lesson", "verify"])
    return BenchmarkResult(
      workload: name, seconds: seconds, rate: ("notebooks", Double(notebooks.count)))
  }
}
