extension ColonCommand {
  /// `:history [count]`: the entries typed (all, or the last `count`), numbered.
  public static let history = ColonCommand(
    name: "history", arguments: "[count]", summary: "the lines entered (the last count of them)"
  ) { argument, context in
    let entries = context.reader.history
    var shown = entries.count
    if !argument.isEmpty {
      guard let count = Int(argument), count >= 0 else {
        context.console.error("`:history` takes a number of entries, such as `:history 20`.")
        return
      }
      shown = min(count, entries.count)
    }
    let first = entries.count - shown
    let width = String(entries.count).count
    for (offset, entry) in entries[first...].enumerated() {
      let number = String(first + offset + 1)
      let padding = String(repeating: " ", count: width - number.count)
      let lines = entry.split(separator: "\n", omittingEmptySubsequences: false)
      let indent = String(repeating: " ", count: width + 2)
      context.console.line(
        padding + context.console.style.dim(number) + "  "
          + lines.joined(separator: "\n" + indent))
    }
  }
}
