extension ColonCommand {
  /// `:quit`: leave the prompt (as Ctrl-D does).
  public static let quit = ColonCommand(name: "quit", summary: "leave (Ctrl-D does too)") {
    _, context in
    context.shouldQuit = true
  }
}
