/// A line that starts with `:`: a command's name as typed and the text after it.
public struct TypedCommand: Sendable, Equatable {
  /// The name as typed after the colon (possibly a prefix of a command's name, or unknown).
  public var name: String
  /// The text after the name, trimmed; empty when none was given.
  public var argument: String

  /// The command typed on `line`, or nil if the line does not start with `:` (after spaces).
  public init?(line: String) {
    let trimmed = line.drop(while: \.isWhitespace)
    guard trimmed.hasPrefix(":") else { return nil }
    let words = trimmed.dropFirst().split(separator: " ", maxSplits: 1)
    name = words.first.map(String.init) ?? ""
    argument = words.count > 1 ? words[1].trimmingWhitespace : ""
  }
}

extension CommandContext {
  /// Performs `typed` with this context: the command it names, or a message saying why none
  /// runs (an unknown or ambiguous name, an argument to a command that takes none).
  public func perform(_ typed: TypedCommand) {
    switch commands.lookUp(typed.name) {
    case .found(let command):
      guard command.arguments.isEmpty, !typed.argument.isEmpty else {
        command.perform(typed.argument, self)
        return
      }
      console.error("`:\(command.name)` takes no argument.")
    case .ambiguous(let names):
      let listed = names.map { "`:\($0)`" }.joined(separator: " or ")
      console.error("`:\(typed.name)` could be \(listed); type more of the name.")
    case .unknown(let suggestion):
      let hint = suggestion.map { "did you mean `:\($0)`? " } ?? ""
      console.error("unknown command `:\(typed.name)`; \(hint):help lists the commands.")
    }
  }
}

extension Substring {
  /// The text without leading and trailing spaces, tabs and newlines.
  fileprivate var trimmingWhitespace: String {
    String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
  }
}
