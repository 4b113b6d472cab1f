import ArgumentParser
import Engine
import Support

@main
struct TrainbookCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "trainbook",
    abstract: "A terminal notebook for learning how neural-network training behaves.",
    version: Trainbook.version,
    subcommands: [
      StartCommand.self, RunCommand.self, ReplayCommand.self, ExportCommand.self,
      ExportPyTorchCommand.self,
      LessonCommand.self, BenchCommand.self, ReferenceCommand.self,
      KernelCommand.self, ImportCommand.self,
    ],
    defaultSubcommand: StartCommand.self)
}
