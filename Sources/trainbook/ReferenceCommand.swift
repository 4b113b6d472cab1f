import ArgumentParser
import Language

struct ReferenceCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reference",
    abstract:
      "Print the language reference (every built-in, its arguments and an example) as Markdown.")

  func run() throws { print(BuiltinRegistry.standard.markdownReference, terminator: "") }
}
