import Datasets
import Support

/// The `:commands` the prompt knows, and how a typed name finds one.
public struct CommandRegistry: Sendable {
  /// The commands, in the order `:help` lists them.
  public var commands: [ColonCommand]
  /// What `:help` says of the keys where these commands are typed.
  public var keys: String

  /// The prompt's keys, as `:help` lists them.
  public static let promptKeys =
    "Keys: Tab completes, Ctrl-R searches the history, Ctrl-C clears the line or stops "
    + "training, Ctrl-D leaves."

  /// A registry of `commands` typed where `keys` (a line for `:help`) are the keys.
  public init(_ commands: [ColonCommand], keys: String = promptKeys) {
    self.commands = commands
    self.keys = keys
  }

  /// The commands every prompt has.
  public static let standard = CommandRegistry([
    .help, .vars, .history, .save, .load, .reset, .quit,
  ])

  /// The commands' names, in order.
  public var names: [String] { commands.map(\.name) }

  /// The command called exactly `name`.
  public func command(named name: String) -> ColonCommand? {
    commands.first { $0.name == name }
  }

  /// What a typed name (without its colon) refers to.
  public enum Lookup {
    /// The command with that name, or the only one whose name starts with it (`:q`).
    case found(ColonCommand)
    /// Several commands start with it.
    case ambiguous([String])
    /// No command has it; the nearest name when one is close.
    case unknown(suggestion: String?)
  }

  /// Finds the command `typed` names: the exact name, else a unique prefix.
  public func lookUp(_ typed: String) -> Lookup {
    if let exact = command(named: typed) { return .found(exact) }
    let starting = typed.isEmpty ? [] : commands.filter { $0.name.hasPrefix(typed) }
    if starting.count == 1 { return .found(starting[0]) }
    if starting.count > 1 { return .ambiguous(starting.map(\.name)) }
    return .unknown(suggestion: closestName(to: typed, in: names))
  }
}
