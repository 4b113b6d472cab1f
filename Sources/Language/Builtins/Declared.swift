/// Something a built-in lists among its parameters: a `BuiltinParameter`, or a typed
/// `Declared` parameter whose value the body reads as `arguments[parameter]`.
public protocol DeclaredParameter {
  /// The declaration the binder, `help` and the reference read.
  var parameter: BuiltinParameter { get }
}

extension BuiltinParameter: DeclaredParameter {
  /// Itself.
  public var parameter: BuiltinParameter { self }
}

/// One parameter of a built-in, declared once with its label, type, default, valid range and
/// help (in the spirit of swift-argument-parser's `@Option`), and the Swift type its body reads.
///
/// The body writes `arguments[rate]` and gets a `Double`: it never looks a value up by its
/// label, so a misspelt label or a wrong type cannot reach run time.
public struct Declared<Wrapped>: DeclaredParameter {
  /// The declaration the binder, `help` and the reference read.
  public private(set) var parameter: BuiltinParameter
  /// Turns the checked value into the type the body reads.
  let read: (Value) -> Wrapped

  /// The label used in calls.
  public var label: String { parameter.label }

  /// The same parameter, accepting only numbers in `range`; a refusal names it as `subject`
  /// (by default the label in backquotes).
  public func valid(_ range: ValidRange, as subject: String? = nil) -> Declared {
    var copy = self
    copy.parameter.validRange = range
    copy.parameter.subject = subject
    return copy
  }

  /// A parameter of `type` whose checked value `read` turns into the body's type.
  init(_ parameter: BuiltinParameter, read: @escaping (Value) -> Wrapped) {
    self.parameter = parameter
    self.read = read
  }

  /// A required parameter, or an optional one when `defaultValue` is given.
  fileprivate static func declared(
    _ label: String, _ type: ValueType, _ defaultValue: Value?, _ doc: String,
    read: @escaping (Value) -> Wrapped
  ) -> Declared {
    let parameter: BuiltinParameter =
      defaultValue.map { .optional(label, type, default: $0, doc) } ?? .required(label, type, doc)
    return Declared(parameter, read: read)
  }
}

extension Declared where Wrapped == Value {
  /// A parameter of any declared type, read as the language's value.
  public static func value(
    _ label: String, _ type: ValueType, default defaultValue: Value? = nil, _ doc: String
  ) -> Declared {
    .declared(label, type, defaultValue, doc) { $0 }
  }
}

extension Declared where Wrapped == Double {
  /// A finite number.
  public static func number(
    _ label: String, default defaultValue: Double? = nil, _ doc: String
  ) -> Declared {
    .declared(label, .number, defaultValue.map(Value.number), doc) { $0.numberValue }
  }
}

extension Declared where Wrapped == Double {
  /// Any number, infinity and nan included, for the language's own arithmetic.
  public static func anyNumber(_ label: String, _ doc: String) -> Declared {
    .declared(label, .anyNumber, nil, doc) { $0.numberValue }
  }
}

extension Declared where Wrapped == Double? {
  /// A finite number, or `none` (the default).
  public static func numberOrNone(_ label: String, _ doc: String) -> Declared {
    .declared(label, .either(.number, .none), Value.none, doc) { value in
      if case .number(let number) = value { number } else { nil }
    }
  }
}

extension Declared where Wrapped == Int {
  /// A whole number.
  public static func integer(
    _ label: String, default defaultValue: Int? = nil, _ doc: String
  ) -> Declared {
    .declared(label, .integer, defaultValue.map { .number(Double($0)) }, doc) {
      Int($0.numberValue)
    }
  }
}

extension Declared where Wrapped == Int? {
  /// A whole number, or `none` (the default).
  public static func integerOrNone(_ label: String, _ doc: String) -> Declared {
    .declared(label, .either(.integer, .none), Value.none, doc) { value in
      if case .number(let number) = value { Int(number) } else { nil }
    }
  }
}

extension Declared where Wrapped == Bool {
  /// `true` or `false`.
  public static func bool(_ label: String, default defaultValue: Bool, _ doc: String) -> Declared {
    .declared(label, .bool, .bool(defaultValue), doc) { value in
      guard case .bool(let flag) = value else { preconditionFailure("`\(label)` is not a bool") }
      return flag
    }
  }
}

extension Declared where Wrapped == String {
  /// A string.
  public static func string(
    _ label: String, default defaultValue: String? = nil, _ doc: String
  ) -> Declared {
    .declared(label, .string, defaultValue.map(Value.string), doc) { value in
      guard case .string(let text) = value else { preconditionFailure("`\(label)` is not text") }
      return text
    }
  }

  /// One of `names` (a `kind`, such as "activation"), written as a string or as the name of a
  /// built-in.
  public static func choice(
    _ label: String, _ kind: String, _ names: [String], default defaultValue: String? = nil,
    _ doc: String
  ) -> Declared {
    .declared(label, .choice(kind, names), defaultValue.map(Value.string), doc) { value in
      switch value {
      case .string(let name): return name
      case .function(let builtin): return builtin.name
      default: preconditionFailure("`\(label)` is not a choice")
      }
    }
  }
}

extension Declared where Wrapped == [Value] {
  /// A list whose elements are of `type`.
  public static func list(
    _ label: String, _ type: ValueType, default defaultValue: [Value]? = nil, _ doc: String
  ) -> Declared {
    .declared(label, type, defaultValue.map(Value.list), doc) { value in
      guard case .list(let items) = value else { preconditionFailure("`\(label)` is not a list") }
      return items
    }
  }
}

extension Declared where Wrapped == [Value] {
  /// Any number of positional arguments (zero or more), each of `type`, as one list.
  public static func variadic(_ label: String, _ type: ValueType, _ doc: String) -> Declared {
    Declared(.variadic(label, type, doc)) { value in
      guard case .list(let items) = value else { preconditionFailure("`\(label)` is not a list") }
      return items
    }
  }
}

extension Declared where Wrapped: HostObject {
  /// An object of the language's type `typeName` (`model`, `dataset`), held by `Wrapped`.
  public static func object(_ label: String, _ typeName: String, _ doc: String) -> Declared {
    .declared(label, .host(typeName), nil, doc) { value in
      guard case .host(let object) = value, let typed = object as? Wrapped else {
        preconditionFailure("`\(label)` is not a \(typeName)")
      }
      return typed
    }
  }
}

extension Value {
  /// The number this value holds; the binder has checked that it is one.
  fileprivate var numberValue: Double {
    guard case .number(let number) = self else { preconditionFailure("not a number: \(self)") }
    return number
  }
}
