extension ColonCommand {
  /// `:vars`: every defined name with a one-line description of its value.
  public static let vars = ColonCommand(
    name: "vars", summary: "what is defined, one line each"
  ) { _, context in
    let variables = context.session.definedNames
    guard !variables.isEmpty else {
      context.console.line("Nothing is defined yet; try `data = moons(n: 200, seed: 1)`.")
      return
    }
    let nameWidth = variables.map(\.name.count).max() ?? 0
    let typeWidth = variables.map(\.type.count).max() ?? 0
    for variable in variables {
      let namePadding = String(repeating: " ", count: nameWidth - variable.name.count)
      let typePadding = String(repeating: " ", count: typeWidth - variable.type.count)
      context.console.line(
        context.console.style.bold(variable.name) + namePadding + "  "
          + context.console.style.dim(variable.type) + typePadding + "  " + variable.summary)
    }
  }
}
