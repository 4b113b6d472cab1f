#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Arithmetic on numbers and lists of numbers.
extension Builtin {
  static var mathematics: [Builtin] {
    let x = Declared.anyNumber("x", "The number to round.")
    let digits = decimalDigits(default: 0, "How many decimals to keep.")
    return [
      unary("abs", "The absolute value: abs(-2) is 2.", example: "abs(-2.5)") { abs($0) },
      unary("sqrt", "The square root.", example: "sqrt(2)", domain: "x >= 0") { $0.squareRoot() },
      unary("log", "The natural logarithm (base e).", example: "log(10)", domain: "x > 0") {
        $0 > 0 ? cLibraryLog($0) : .nan
      },
      unary("exp", "e to the power x.", example: "exp(1)") { cLibraryExp($0) },
      Builtin(
        "round", topic: .math, summary: "Rounds to a number of decimals (half away from zero).",
        parameters: [x, digits], example: "round(3.14159, digits: 2)"
      ) { arguments, _ in
        let scale = pow(10, Double(arguments[digits]))
        return .number((arguments[x] * scale).rounded() / scale)
      },
      reduction("min", "The smallest of some numbers, or of a list of numbers.", "min(3, 1, 2)") {
        $0.min()
      },
      reduction("max", "The largest of some numbers, or of a list of numbers.", "max([3, 1, 2])") {
        $0.max()
      },
      reduction("sum", "The sum of some numbers, or of a list of numbers.", "sum([1, 2, 3])") {
        $0.reduce(0, +)
      },
      reduction("mean", "The average of some numbers, or of a list of numbers.", "mean([1, 2, 6])")
      {
        $0.isEmpty ? nil : $0.reduce(0, +) / Double($0.count)
      },
    ]
  }

  /// A built-in of one number that fails (on the argument) outside `domain`, where `body`
  /// answers nan.
  private static func unary(
    _ name: String, _ summary: String, example: String, domain: String? = nil,
    _ body: @escaping (Double) -> Double
  ) -> Builtin {
    let number = Declared.anyNumber("x", "A number" + (domain.map { " with \($0)" } ?? "") + ".")
    return Builtin(
      name, topic: .math, summary: summary, parameters: [number], example: example
    ) { arguments, _ in
      let x = arguments[number]
      let result = body(x)
      if result.isNaN, !x.isNaN, let domain {
        throw CallError("`\(name)` needs \(domain), got \(x.summary)", argument: "x")
      }
      return .number(result)
    }
  }

  /// A built-in over numbers given one by one or as one list; `body` answers nil for none.
  private static func reduction(
    _ name: String, _ summary: String, _ example: String, _ body: @escaping ([Double]) -> Double?
  ) -> Builtin {
    let values = Declared.variadic(
      "values", .either(.anyNumber, .list(of: .anyNumber)), "Numbers, or one list of them.")
    return Builtin(
      name, topic: .math, summary: summary, parameters: [values], example: example
    ) { arguments, _ in
      var numbers: [Double] = []
      for value in arguments[values] {
        switch value {
        case .number(let number): numbers.append(number)
        case .list(let list):
          numbers += list.compactMap { if case .number(let n) = $0 { n } else { nil } }
        default: break
        }
      }
      guard let result = body(numbers) else {
        throw CallError("`\(name)` needs at least one number", hint: "try \(example)")
      }
      return .number(result)
    }
  }
}

/// The C library's logarithm and exponential, named apart from the built-ins' names.
private func cLibraryLog(_ x: Double) -> Double { log(x) }
private func cLibraryExp(_ x: Double) -> Double { exp(x) }
