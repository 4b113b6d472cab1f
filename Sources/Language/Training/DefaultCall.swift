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
    let value: Value
    switch self[label] {
    case .none: return nil
    case .string(let name):
      guard let builtin = context.session.registry[name] else { return nil }
      value = try builtin.callWithDefaults(context, at: range(of: label) ?? callRange)
    case .function(let builtin):
      value = try builtin.callWithDefaults(context, at: range(of: label) ?? callRange)
    case let other: value = other
    }
    guard case .host(let object) = value, let typed = object as? Object else { return nil }
    return typed
  }
}
