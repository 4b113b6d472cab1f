/// Making text out of values.
extension Builtin {
  static var text: [Builtin] {
    [
      Builtin(
        "str", topic: .text, summary: "A value as text, the way print shows it.",
        parameters: [.required("value", .any, "Any value.")],
        example: "str(0.25) + \"!\""
      ) { arguments, _ in
        .string(arguments["value"].text)
      },
      Builtin(
        "fixed", topic: .text,
        summary: "A number as text with a fixed number of decimals: fixed(0.5, digits: 3).",
        parameters: [
          .required("x", .anyNumber, "The number."),
          .optional("digits", .integer, default: .number(2), "How many decimals to show."),
        ],
        example: "fixed(2 / 3, digits: 3)"
      ) { arguments, _ in
        .string(fixedDecimals(arguments.number("x"), digits: try decimalDigits(arguments)))
      },
      Builtin(
        "join", topic: .text, summary: "Joins a list's values into one text.",
        parameters: [
          .required("values", .list, "The values to join."),
          .optional("separator", .string, default: .string(", "), "What goes between them."),
        ],
        example: "join([1, 2, 3], separator: \" < \")"
      ) { arguments, context in
        let separator = arguments.string("separator")
        var joined = ""
        var length = 0
        for (index, value) in arguments.list("values").enumerated() {
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

/// The `digits` argument of `round` and `fixed`, which must be from 0 to 15.
func decimalDigits(_ arguments: Arguments) throws -> Int {
  let digits = arguments.integer("digits")
  guard (0...15).contains(digits) else {
    throw CallError("digits must be from 0 to 15, got \(digits)", argument: "digits")
  }
  return digits
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
