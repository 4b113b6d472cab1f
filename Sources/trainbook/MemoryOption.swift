import ArgumentParser
import Foundation
import Language

/// `--memory SIZE`: the memory budget of every session the command starts (see `MemoryBudget`);
/// it sets `TRAINBOOK_MEMORY` for this process, which sessions read when they start.
struct MemoryOption: ParsableArguments {
  @Option(
    name: .customLong("memory"),
    help: ArgumentHelp(
      "The most memory a session may use, e.g. 4G or 512M (default: half the machine's, or "
        + "$\(MemoryBudget.variable)).", valueName: "size"))
  var memory: String?

  func validate() throws {
    guard let memory else { return }
    guard MemoryBudget.bytes(in: memory) != nil else {
      throw ValidationError(
        "--memory takes a size of at least 64M, such as 512M, 4G or 4000000000; got \(memory)")
    }
    setenv(MemoryBudget.variable, memory, 1)
  }
}
