extension ColonCommand {
  /// `:help`: the commands, the keys, and where the language's own help is.
  public static let help = ColonCommand(name: "help", summary: "this list") { _, context in
    let console = context.console
    let usages = context.commands.commands.map { command in
      ":" + command.name + (command.arguments.isEmpty ? "" : " " + command.arguments)
    }
    let width = usages.map(\.count).max() ?? 0
    console.line("Type trainbook code to run it; help() lists every built-in, help(fit) one.")
    console.line("Commands:")
    for (usage, command) in zip(usages, context.commands.commands) {
      let padding = String(repeating: " ", count: width - usage.count)
      console.line("  " + console.style.bold(usage) + padding + "  " + command.summary)
    }
    console.line(context.commands.keys)
  }
}
