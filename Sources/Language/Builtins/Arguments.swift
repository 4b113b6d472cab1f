/// The checked arguments of one call, by label, with defaults filled in.
///
/// The accessors trust the declared parameter types: asking `number("lr")` of a parameter not
/// declared as a number is a programmer's mistake and stops with a precondition failure.
public struct Arguments {
  private let values: [String: Value]
  private let givenRanges: [String: SourceRange]
  private let writtenNames: [String: String]
  /// The span of the whole call in the source.
  public let callRange: SourceRange
  /// The built-in called.
  public let builtin: Builtin

  init(
    values: [String: Value], givenRanges: [String: SourceRange],
    writtenNames: [String: String] = [:], callRange: SourceRange, builtin: Builtin
  ) {
    self.values = values
    self.givenRanges = givenRanges
    self.writtenNames = writtenNames
    self.callRange = callRange
    self.builtin = builtin
  }

  /// The value of the declared parameter `argument`, as the type the body reads.
  public subscript<Wrapped>(argument: Declared<Wrapped>) -> Wrapped {
    argument.read(self[argument.label])
  }

  /// The variable name `argument` was written as, when it was a bare name: `step` in
  /// `help(step)`.
  public func writtenName(of argument: some DeclaredParameter) -> String? {
    writtenName(of: argument.parameter.label)
  }

  /// Whether the call passed `argument` rather than leaving it to its default.
  public func isGiven(_ argument: some DeclaredParameter) -> Bool {
    isGiven(argument.parameter.label)
  }

  /// The call as the learner would write it to make the same value: the built-in's name and the
  /// arguments given, in declared order (`early_stopping(patience: 10)`), with the parameters
  /// in `always` shown even when left to their defaults (`adam(lr: 0.001)`). Every value that
  /// shows "the call that made it" renders it here.
  public func call(always: [any DeclaredParameter] = []) -> String {
    let shown = Set(always.map(\.parameter.label))
    let parts = builtin.parameters.map(\.label)
      .filter { isGiven($0) || shown.contains($0) }
      .map { "\($0): \(self[$0].summary)" }
    return builtin.name + "(" + parts.joined(separator: ", ") + ")"
  }

  /// The arguments the call gave, in declared order, with their labels.
  public var given: [(label: String, value: Value)] {
    builtin.parameters.map(\.label).filter(isGiven).map { ($0, self[$0]) }
  }

  /// The value of the parameter `label`.
  public subscript(label: String) -> Value {
    guard let value = values[label] else { preconditionFailure("no parameter `\(label)`") }
    return value
  }

  /// Whether the call passed `label` rather than leaving it to its default.
  public func isGiven(_ label: String) -> Bool { givenRanges[label] != nil }

  /// Where the argument `label` was written, when it was given.
  public func range(of label: String) -> SourceRange? { givenRanges[label] }

  /// The variable name the argument `label` was written as, when it was a bare name:
  /// `step` in `help(step)`.
  public func writtenName(of label: String) -> String? { writtenNames[label] }

  /// Whether the argument `label` is `none`.
  public func isNone(_ label: String) -> Bool {
    if case .none = self[label] { true } else { false }
  }

  /// The number passed as `label`.
  public func number(_ label: String) -> Double {
    guard case .number(let number) = self[label] else { mismatch(label, "number") }
    return number
  }

  /// The whole number passed as `label` (declared `.integer`, so it converts exactly).
  public func integer(_ label: String) -> Int {
    guard let integer = Int(exactly: number(label)) else { mismatch(label, "whole number") }
    return integer
  }

  /// The string passed as `label`.
  public func string(_ label: String) -> String {
    guard case .string(let string) = self[label] else { mismatch(label, "string") }
    return string
  }

  /// The name passed as `label` to a `.choice` parameter, whether written as a string or as the
  /// name of a built-in.
  public func choice(_ label: String) -> String {
    switch self[label] {
    case .string(let string): return string
    case .function(let builtin): return builtin.name
    default: mismatch(label, "choice")
    }
  }

  /// The bool passed as `label`.
  public func bool(_ label: String) -> Bool {
    guard case .bool(let bool) = self[label] else { mismatch(label, "bool") }
    return bool
  }

  /// The list passed as `label` (or the values collected by a variadic parameter).
  public func list(_ label: String) -> [Value] {
    guard case .list(let list) = self[label] else { mismatch(label, "list") }
    return list
  }

  /// The host object passed as `label`, as its wrapper class.
  public func host<Object: HostObject>(_ label: String, as type: Object.Type) -> Object {
    guard case .host(let object) = self[label], let typed = object as? Object else {
      mismatch(label, "\(Object.self)")
    }
    return typed
  }

  private func mismatch(_ label: String, _ expected: String) -> Never {
    preconditionFailure("parameter `\(label)` is not declared as \(expected)")
  }
}
