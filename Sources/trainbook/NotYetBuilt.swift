/// A subcommand whose part of trainbook is not built yet: it says so and exits non-zero.
struct NotYetBuilt: Error, CustomStringConvertible {
  let command: String
  var description: String { "`trainbook \(command)` is not available in this version yet." }
}
