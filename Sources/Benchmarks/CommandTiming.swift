import Foundation

/// Runs this very executable again with `arguments` (and `input` on its standard input) and returns
/// the wall-clock seconds from spawning it to its exit, or throws if it cannot start or fails.
///
/// It uses `posix_spawn` and `waitpid` directly: Foundation's `Process` adds tens of milliseconds
/// of its own, which would swamp a start-up time of a few milliseconds.
func secondsToRunThisExecutable(_ arguments: [String], input: String = "") throws -> Double {
  let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
  let inputFile = FileManager.default.temporaryDirectory
    .appendingPathComponent("trainbook-bench-input-\(getpid())")
  try Data(input.utf8).write(to: inputFile)
  defer { try? FileManager.default.removeItem(at: inputFile) }

  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 0, inputFile.path, O_RDONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)

  let argv = ([executable] + arguments).map { strdup($0) } + [nil]
  defer { for pointer in argv { free(pointer) } }
  var child: pid_t = 0
  var status: Int32 = 0
  let seconds = try measureSeconds {
    let spawned = posix_spawn(&child, executable, &actions, nil, argv, environ)
    guard spawned == 0 else { throw CommandFailed(arguments: arguments, status: spawned) }
    waitpid(child, &status, 0)
  }
  guard status == 0 else { throw CommandFailed(arguments: arguments, status: status) }
  return seconds
}

/// A command a workload ran could not start (the `posix_spawn` error) or exited with a failure
/// (the `waitpid` status).
struct CommandFailed: Error, CustomStringConvertible {
  let arguments: [String]
  let status: Int32
  var description: String {
    "`trainbook \(arguments.joined(separator: " "))` failed with status \(status)"
  }
}

/// The `.md` files directly inside `folder`, sorted, or none if it does not exist.
func markdownFiles(in folder: String) -> [String] {
  let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
  return names.filter { $0.hasSuffix(".md") }.sorted().map { "\(folder)/\($0)" }
}
