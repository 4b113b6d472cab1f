import Datasets
import Learning

extension Builtin {
  /// Calls the built-in with every parameter at its default, as `loss: bce` or
  /// `optimizer: adam` mean `bce()` and `adam()`.
  func callWithDefaults(_ context: CallContext, at range: SourceRange) throws -> Value {
    var values: [String: Value] = [:]
    for parameter in parameters {
      guard let value = parameter.defaultValue else {
        throw CallError("`\(name)` needs its `\(parameter.label)`; call it as \(signature)")
      }
      values[parameter.label] = value
    }
    return try implementation(
      Arguments(values: values, givenRanges: [:], callRange: range), context)
  }
}

extension Arguments {
  /// The host object of type `Object` that the argument `label` holds, made by calling the
  /// built-in of that name with its defaults when the argument is a name (a string or a
  /// built-in); nil when the argument is `none`.
  func object<Object: HostObject>(
    _ label: String, as type: Object.Type, context: CallContext
  ) throws -> Object? {
    try Self.object(self[label], as: type, at: range(of: label) ?? callRange, context: context)
  }

  /// The host objects of type `Object` in the list argument `label`, each name among them made
  /// by calling the built-in of that name with its defaults.
  func objects<Object: HostObject>(
    _ label: String, as type: Object.Type, context: CallContext
  ) throws -> [Object] {
    try list(label).compactMap { element in
      try Self.object(element, as: type, at: range(of: label) ?? callRange, context: context)
    }
  }

  /// `value` as an `Object`, calling the built-in it names with its defaults.
  private static func object<Object: HostObject>(
    _ value: Value, as type: Object.Type, at range: SourceRange, context: CallContext
  ) throws -> Object? {
    let made: Value
    switch value {
    case .none: return nil
    case .string(let name):
      guard let builtin = context.session.registry[name] else { return nil }
      made = try builtin.callWithDefaults(context, at: range)
    case .function(let builtin):
      made = try builtin.callWithDefaults(context, at: range)
    case let other: made = other
    }
    guard case .host(let object) = made, let typed = object as? Object else { return nil }
    return typed
  }
}

extension Arguments {
  /// The loss passed as `loss`, or the one that suits `data`'s task when it is `none`.
  func loss(for data: Dataset, context: CallContext) throws -> Loss {
    try object("loss", as: LossObject.self, context: context)?.loss
      ?? RunRecording.defaultLoss(for: data.task)
  }

  /// The optimizer passed as `optimizer`, or `adam(lr: 0.001)` when it is `none`.
  func optimizer(context: CallContext) throws -> OptimizerObject {
    try object("optimizer", as: OptimizerObject.self, context: context) ?? .standard
  }
}

extension BuiltinParameter {
  /// The `loss:` parameter of the training built-ins.
  static var loss: BuiltinParameter {
    .optional(
      "loss", .either(LossObject.type, .none), default: .none,
      "The loss; none picks bce, cross_entropy or mse from the data's task.")
  }

  /// The `optimizer:` parameter of the training built-ins.
  static var optimizer: BuiltinParameter {
    .optional(
      "optimizer", .either(OptimizerObject.type, .none), default: .none,
      "The optimizer; none is adam(lr: 0.001).")
  }
}

extension Value {
  /// The name a `.choice` element holds, written as a string or as a built-in's bare name
  /// (`metrics: [accuracy]` as `metrics: ["accuracy"]`); empty for anything else.
  var choiceName: String {
    switch self {
    case .string(let name): name
    case .function(let builtin): builtin.name
    default: ""
    }
  }
}
