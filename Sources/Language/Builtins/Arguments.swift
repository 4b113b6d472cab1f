/// The checked arguments of one call, with defaults filled in. A built-in's body reads each as
/// the type its `Declared` parameter gives: `arguments[rate]`.
public struct Arguments {
  private let values: [String: Value]
  private let givenRanges: [String: SourceRange]
  private let writtenNames: [String: String]
  /// Whether the call was written as the built-in's bare name (`loss: bce`), which stands for
  /// its call with defaults.
  private let writtenBare: Bool
  /// The span of the whole call in the source.
  public let callRange: SourceRange
  /// The built-in called.
  public let builtin: Builtin

  init(
    values: [String: Value], givenRanges: [String: SourceRange],
    writtenNames: [String: String] = [:], writtenBare: Bool = false, callRange: SourceRange,
    builtin: Builtin
  ) {
    self.values = values
    self.givenRanges = givenRanges
    self.writtenNames = writtenNames
    self.writtenBare = writtenBare
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
  /// in `always` shown even when left to their defaults (`adam(lr: 0.001)`). A call written as
  /// the bare name, with nothing to show, stays bare (`bce`). Every value that shows "the call
  /// that made it" renders it here.
  public func call(always: [any DeclaredParameter] = []) -> String {
    let shown = Set(always.map(\.parameter.label))
    let parts = builtin.parameters.map(\.label)
      .filter { isGiven($0) || shown.contains($0) }
      .map { "\($0): \(self[$0].summary)" }
    if writtenBare && parts.isEmpty { return builtin.name }
    return builtin.name + "(" + parts.joined(separator: ", ") + ")"
  }

  /// The arguments the call gave, in declared order, with their labels.
  public var given: [(label: String, value: Value)] {
    builtin.parameters.map(\.label).filter(isGiven).map { ($0, self[$0]) }
  }

  /// The value of the parameter `label`, for the renderer and the typed reads.
  private subscript(label: String) -> Value {
    guard let value = values[label] else { preconditionFailure("no parameter `\(label)`") }
    return value
  }

  /// Whether the call passed `label` rather than leaving it to its default.
  private func isGiven(_ label: String) -> Bool { givenRanges[label] != nil }

  /// Where the argument `label` was written, when it was given.
  func range(of label: String) -> SourceRange? { givenRanges[label] }

  /// The variable name the argument `label` was written as, when it was a bare name:
  /// `step` in `help(step)`.
  private func writtenName(of label: String) -> String? { writtenNames[label] }

}
