import ArgumentParser
import Engine
import Foundation
import REPL

@main
struct TrainbookCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "trainbook",
    abstract: "A terminal notebook for learning how neural-network training behaves.",
    version: Trainbook.version,
    subcommands: [Start.self, Run.self, Replay.self, Export.self, Lesson.self, Bench.self],
    defaultSubcommand: Start.self)
}

/// A subcommand whose part of trainbook is not built yet: it says so and exits non-zero.
struct NotYetBuilt: Error, CustomStringConvertible {
  let command: String
  var description: String { "`trainbook \(command)` is not available in this version yet." }
}

struct Start: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "repl", abstract: "Start the interactive prompt (the default).")

  func run() throws { REPLModule.start() }
}

struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run a trainbook script without a prompt; exit non-zero on an error or failed expect.")

  @Argument(help: "The script to run.") var file: String

  func run() throws { throw NotYetBuilt(command: "run") }
}

struct Replay: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Replay a notebook's cells, optionally checking them against the recorded outputs.")

  @Argument(help: "The notebook (.md) to replay.") var notebook: String

  func run() throws { throw NotYetBuilt(command: "replay") }
}

struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Export a notebook to Jupyter (.ipynb) or a self-contained HTML page.")

  @Argument(help: "The notebook (.md) to export.") var notebook: String

  func run() throws { throw NotYetBuilt(command: "export") }
}

struct Lesson: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List the lessons, or run a lesson's exercises as tests.")

  func run() throws { throw NotYetBuilt(command: "lesson") }
}

struct Bench: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run the benchmark workloads and print one JSON line each.")

  func run() throws { throw NotYetBuilt(command: "bench") }
}
