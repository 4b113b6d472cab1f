extension ColonCommand {
  /// `:reset`: forget every variable and run, as if the prompt had just started; the history of
  /// typed lines stays.
  public static let reset = ColonCommand(
    name: "reset", summary: "a fresh session: forget every variable and run (history stays)"
  ) { _, context in
    context.startFreshSession()
    context.console.line("The session is reset: every variable and run is forgotten.")
  }
}
