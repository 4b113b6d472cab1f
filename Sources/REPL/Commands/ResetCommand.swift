extension ColonCommand {
  /// `:reset`: forget every variable and run, as if the prompt had just started.
  public static let reset = ColonCommand(
    name: "reset", summary: "forget every variable and run"
  ) { _, context in
    context.session.reset()
    context.cells = []
    context.console.line("The session is reset: every variable and run is forgotten.")
  }
}
