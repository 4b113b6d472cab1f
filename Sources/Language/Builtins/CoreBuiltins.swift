/// The built-ins of the language itself: printing, help, types, lengths, ranges and the seed.
extension Builtin {
  static var core: [Builtin] {
    let values = Declared.variadic("values", .any, "The values to print.")
    let separator = Declared.string("separator", default: " ", "What goes between values.")
    let about = Declared.value(
      "about", .any, default: Value.none, "A function (or its name) or a value.")
    let value = Declared.value("value", .any, "Any value.")
    let n = Declared.integer("n", "The seed, a whole number from 0.")
      .valid(ValidRange.atLeast(0).saying("cannot be negative"), as: "a seed")
    let collection = Declared.value(
      "collection", .any, "A list, a string, or an object with elements.")
    let start = Declared.number(
      "start", "Where to start; alone, it is the stop and 0 the start.")
    let stop = Declared.numberOrNone("stop", "Where to stop (excluded).")
    let step = Declared.number("step", default: 1, "The difference between neighbours.")
    return [
      Builtin(
        "print", topic: .utilities, summary: "Prints values on one line, separated by spaces.",
        parameters: [values, separator], example: "print(\"loss\", 0.25, [1, 2])"
      ) { arguments, context in
        context.print(arguments[values].map(\.text).joined(separator: arguments[separator]))
        return .none
      },
      Builtin(
        "help", topic: .utilities,
        summary: "Lists every built-in by topic, or explains one function or value.",
        parameters: [about], example: "help(range)"
      ) { arguments, context in
        let registry = context.session.registry
        let subject = arguments[about]
        // `help(step)` after `step = 2` explains the hidden built-in after the variable.
        if let name = arguments.writtenName(of: about), let hidden = registry[name],
          context.session.value(of: name) != nil
        {
          context.print(Help.variable(name, holding: subject, hiding: hidden))
          return .none
        }
        context.print(try helpText(about: subject, registry: registry))
        return .none
      },
      Builtin(
        "type", topic: .utilities, summary: "The name of a value's type, as a string.",
        parameters: [value], example: "type([1, 2])"
      ) { arguments, _ in
        .string(arguments[value].typeName)
      },
      Builtin(
        "seed", topic: .utilities,
        summary: "Sets the session's seed: everything random afterwards repeats exactly.",
        parameters: [n], example: "seed(42)"
      ) { arguments, context in
        context.session.setSeed(UInt64(arguments[n]))
        return .none
      },
      Builtin(
        "len", topic: .utilities,
        summary: "How many elements a list (or characters a string) has.",
        parameters: [collection], example: "len([3, 1, 2])"
      ) { arguments, _ in
        switch arguments[collection] {
        case .list(let elements): return .number(Double(elements.count))
        case .string(let string): return .number(Double(string.count))
        case .host(let object) where object.elementCount != nil:
          return .number(Double(object.elementCount ?? 0))
        case let value:
          throw CallError(
            "\(value.typeDescription) has no length", argument: "collection")
        }
      },
      Builtin(
        "range", topic: .utilities,
        summary: "The numbers from start up to (not including) stop: range(3) is [0, 1, 2].",
        parameters: [start, stop, step], example: "range(2, 10, step: 3)"
      ) { arguments, context in
        let (start, stop) = arguments[stop].map { (arguments[start], $0) } ?? (0, arguments[start])
        let step = arguments[step]
        guard step != 0, step.isFinite else {
          throw CallError("the step of a range cannot be \(step.summary)", argument: "step")
        }
        let span = ((stop - start) / step).rounded(.up)
        guard span.isFinite else { throw CallError("the range must be finite") }
        let count = max(0, span)
        guard count <= Double(Session.maximumLength) else {
          throw CallError(
            "this range would hold \(NumberFormat.format(count)) numbers; the most is "
              + "\(Session.maximumLength)")
        }
        try context.reserve(Int(count), of: MemoryLayout<Value>.stride)
        var numbers: [Value] = []
        numbers.reserveCapacity(Int(count))
        for index in 0..<Int(count) {
          if index % 65536 == 0 { try context.checkCancellation() }
          numbers.append(.number(start + Double(index) * step))
        }
        return .list(numbers)
      },
    ]
  }

  private static func helpText(about subject: Value, registry: BuiltinRegistry) throws -> String {
    switch subject {
    case .none:
      return Help.index(of: registry)
    case .function(let builtin):
      return Help.page(for: builtin)
    case .string(let name):
      guard let builtin = registry[name] else {
        throw CallError(
          "there is no built-in `\(name)`" + suggestion(for: name, among: registry.names),
          hint: "help() lists them all", argument: "about")
      }
      return Help.page(for: builtin)
    default:
      return Help.describe(subject)
    }
  }
}

extension Double {
  /// The number as the language prints it.
  var summary: String { NumberFormat.format(self) }
}
