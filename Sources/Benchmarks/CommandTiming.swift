import Foundation

/// Runs this very executable again with `arguments` (and `input` on its standard input) and returns
/// the wall-clock seconds until it exits, or throws if it cannot start or exits non-zero.
func secondsToRunThisExecutable(_ arguments: [String], input: String = "") throws -> Double {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
  process.arguments = arguments
  let stdin = Pipe()
  process.standardInput = stdin
  process.standardOutput = FileHandle.nullDevice
  process.standardError = FileHandle.nullDevice
  let seconds = try measureSeconds {
    try process.run()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    process.waitUntilExit()
  }
  guard process.terminationStatus == 0 else {
    throw CommandFailed(arguments: arguments, status: process.terminationStatus)
  }
  return seconds
}

/// A command a workload ran exited with a failure status.
struct CommandFailed: Error, CustomStringConvertible {
  let arguments: [String]
  let status: Int32
  var description: String {
    "`trainbook \(arguments.joined(separator: " "))` exited with status \(status)"
  }
}

/// The `.md` files directly inside `folder`, sorted, or none if it does not exist.
func markdownFiles(in folder: String) -> [String] {
  let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
  return names.filter { $0.hasSuffix(".md") }.sorted().map { "\(folder)/\($0)" }
}
