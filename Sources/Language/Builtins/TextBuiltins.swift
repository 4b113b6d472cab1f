/// Making text out of values.
extension Builtin {
  static var text: [Builtin] {
    let value = Declared.value("value", .any, "Any value.")
    let x = Declared.anyNumber("x", "The number.")
    let digits = decimalDigits(default: 2, "How many decimals to show.")
    let values = Declared.list("values", .list, "The values to join.")
    let separator = Declared.string("separator", default: ", ", "What goes between them.")
    return [
      Builtin(
        "str", topic: .text, summary: "A value as text, the way print shows it.",
        parameters: [value], example: "str(0.25) + \"!\""
      ) { arguments, _ in
        .string(arguments[value].text)
      },
      Builtin(
        "fixed", topic: .text,
        summary: "A number as text with a fixed number of decimals: fixed(0.5, digits: 3).",
        parameters: [x, digits],
        example: "fixed(2 / 3, digits: 3)"
      ) { arguments, _ in
        .string(fixedDecimals(arguments[x], digits: arguments[digits]))
      },
      Builtin(
        "join", topic: .text, summary: "Joins a list's values into one text.",
        parameters: [values, separator], example: "join([1, 2, 3], separator: \" < \")"
      ) { arguments, context in
        let separator = arguments[separator]
        var joined = ""
        var length = 0
        for (index, value) in arguments[values].enumerated() {
          if index % 4096 == 0 {
            try context.checkCancellation()
            try context.reserve(joined.utf8.count)
          }
          let text = value.text
          if index > 0 { joined += separator }
          joined += text
          length += text.count + (index > 0 ? separator.count : 0)
          guard length <= Session.maximumLength else {
            throw CallError(
              "the joined text would be longer than \(Session.maximumLength) characters",
              argument: "values")
          }
        }
        return .string(joined)
      },
    ]
  }
}

extension Builtin {
  /// The `digits` parameter of `round` and `fixed`: a whole number from 0 to 15.
  static func decimalDigits(default digits: Int, _ doc: String) -> Declared<Int> {
    Declared.integer("digits", default: digits, doc).valid(.from(0, to: 15), as: "digits")
  }
}

/// `number` with exactly `digits` decimals, rounded half away from zero: 0.667 for 2/3 at 3.
func fixedDecimals(_ number: Double, digits: Int) -> String {
  guard number.isFinite else { return NumberFormat.format(number) }
  var scale = 1.0
  for _ in 0..<digits { scale *= 10 }
  let scaled = (abs(number) * scale).rounded()
  guard scaled < 9e15 else { return NumberFormat.format(number) }
  let units = Int64(scaled)
  let scaleInt = Int64(scale)
  let whole = String(units / scaleInt)
  let sign = number < 0 && units != 0 ? "-" : ""
  guard digits > 0 else { return sign + whole }
  let fraction = String(units % scaleInt)
  return sign + whole + "." + String(repeating: "0", count: digits - fraction.count) + fraction
}
