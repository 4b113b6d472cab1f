/// The groups `help()` lists built-ins under, in this order.
public enum Topic: String, CaseIterable, Sendable {
  case data, models, training, evaluation, plotting, math, text, utilities
}

/// One parameter of a built-in: its label, what it accepts, its default, the numbers it accepts
/// and what it does.
public struct BuiltinParameter {
  /// The label used in calls: `epochs` in `fit(net, data, epochs: 10)`.
  public var label: String
  /// What the parameter accepts.
  public var type: ValueType
  /// The value used when the call leaves the argument out; nil when it must be given.
  public var defaultValue: Value?
  /// One line saying what the parameter does.
  public var doc: String
  /// Whether the parameter collects all remaining positional arguments into a list.
  public var isVariadic: Bool
  /// The numbers it accepts (each number of a list), when not every number.
  public var validRange: ValidRange?
  /// How a refusal names it, when not as the label in backquotes: "the batch size".
  public var subject: String?
  /// Whether the name of a built-in given here stands for calling it with its defaults:
  /// `loss: bce` means `loss: bce()`. The binder makes the call.
  public var namesACall = false
}

extension DeclaredParameter where Self == BuiltinParameter {
  /// A parameter the caller must give.
  public static func required(_ label: String, _ type: ValueType, _ doc: String) -> Self {
    BuiltinParameter(label: label, type: type, defaultValue: nil, doc: doc, isVariadic: false)
  }

  /// A parameter the caller may leave out, getting `defaultValue`.
  public static func optional(
    _ label: String, _ type: ValueType, default defaultValue: Value, _ doc: String
  ) -> Self {
    BuiltinParameter(
      label: label, type: type, defaultValue: defaultValue, doc: doc, isVariadic: false)
  }

  /// A parameter that takes any number of positional arguments (zero or more), each of `type`,
  /// and passes them as one list.
  public static func variadic(_ label: String, _ type: ValueType, _ doc: String) -> Self {
    BuiltinParameter(label: label, type: type, defaultValue: .list([]), doc: doc, isVariadic: true)
  }
}

/// A function of the language implemented in Swift, with everything `help` shows about it.
///
/// Calls are checked against `parameters` before `implementation` runs, so it receives
/// arguments of the declared types, with defaults filled in.
public struct Builtin {
  /// The name learners call it by.
  public var name: String
  /// The group `help()` lists it under.
  public var topic: Topic
  /// One line saying what it does.
  public var summary: String
  /// Its parameters, in positional order.
  public var parameters: [BuiltinParameter]
  /// Code that runs in a fresh session and shows the function at work (tested).
  public var example: String
  /// Runs the function on checked arguments.
  public var implementation: (Arguments, CallContext) throws -> Value
  /// More that `help(name)` and the reference say after the arguments, one line each (e.g. what
  /// each verdict of `diagnose` means); empty for most.
  public var details: [String] = []

  /// Declares a built-in.
  public init(
    _ name: String, topic: Topic, summary: String, parameters: [any DeclaredParameter] = [],
    example: String, implementation: @escaping (Arguments, CallContext) throws -> Value
  ) {
    self.name = name
    self.topic = topic
    self.summary = summary
    self.parameters = parameters.map(\.parameter)
    self.example = example
    self.implementation = implementation
  }

  /// The built-in with `details` added to its help.
  func detailed(_ lines: [String]) -> Builtin {
    var copy = self
    copy.details = lines
    return copy
  }

  /// The call signature: `fit(model, data, epochs: 10, …)`, defaults shown after the labels.
  public var signature: String {
    let parts = parameters.map { parameter in
      if parameter.isVariadic { return parameter.label + "…" }
      guard let value = parameter.defaultValue else { return parameter.label }
      return parameter.label + ": " + value.summary
    }
    return name + "(" + parts.joined(separator: ", ") + ")"
  }
}

/// An error a built-in throws about its arguments or its work; the interpreter turns it into a
/// diagnostic located at `argument` (when given and passed in the call) or else at the call.
public struct CallError: Error {
  /// The message in plain words.
  public var message: String
  /// What to try instead.
  public var hint: String?
  /// The label of the argument the message is about.
  public var argument: String?

  /// Creates an error about the call, or about one of its arguments.
  public init(_ message: String, hint: String? = nil, argument: String? = nil) {
    self.message = message
    self.hint = hint
    self.argument = argument
  }
}

/// The built-ins a session knows, by name, in the order they were registered.
public struct BuiltinRegistry {
  private var byName: [String: Builtin] = [:]
  /// The names in registration order.
  public private(set) var names: [String] = []

  /// An empty registry.
  public init() {}

  /// A registry holding `builtins`.
  public init(_ builtins: [Builtin]) {
    for builtin in builtins { register(builtin) }
  }

  /// Every built-in trainbook has: the core ones here, and each library's group.
  public static var standard: BuiltinRegistry {
    BuiltinRegistry(
      Builtin.core + Builtin.mathematics + Builtin.text
        + Builtin.dataGenerators + Builtin.data + Builtin.dataFiles + Builtin.dataTransforms
        + Builtin.layers + Builtin.models + Builtin.dataPlots + Builtin.errorAnalysis
        + Builtin.losses
        + Builtin.optimizers + Builtin.schedules + Builtin.callbacks + Builtin.training
        + Builtin.sweeps
        + Builtin.steps + Builtin.evaluation + Builtin.experiments + Builtin.weights
        + Builtin.runBuiltins
        + Builtin.pytorch)
  }

  /// Adds `builtin`; registering a name twice is a programmer's mistake.
  public mutating func register(_ builtin: Builtin) {
    precondition(byName[builtin.name] == nil, "built-in `\(builtin.name)` registered twice")
    byName[builtin.name] = builtin
    names.append(builtin.name)
  }

  /// The built-in called `name`, if there is one.
  public subscript(name: String) -> Builtin? { byName[name] }

  /// Every built-in in registration order.
  public var all: [Builtin] { names.compactMap { byName[$0] } }

  /// The Markdown reference of every built-in, by topic, generated from the same declarations as
  /// `help` (`docs/reference.md`).
  public var markdownReference: String { Help.markdown(of: self) }
}
