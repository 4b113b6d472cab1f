import Learning

extension Arguments {
  /// The seed the call gave, or one drawn from the session when it gave none.
  public func seed(in context: CallContext) -> UInt64 {
    self[Declared<Int?>.seed].map(UInt64.init) ?? context.nextSeed()
  }

}

extension DeclaredParameter where Self == BuiltinParameter {
  /// The `seed:` parameter every random built-in has: a whole number from 0, or none to draw
  /// one from the session's seed stream.
  public static var seed: BuiltinParameter {
    var parameter: BuiltinParameter = .optional(
      "seed", .either(.integer, .none), default: .none,
      "The seed; none draws one from the session, whose seed `seed(n)` sets.")
    parameter.validRange = ValidRange.atLeast(0).saying("cannot be negative")
    parameter.subject = "a seed"
    return parameter
  }
}

extension Declared where Wrapped == Int? {
  /// The `seed:` parameter, read as the seed given or nil for none.
  static var seed: Declared<Int?> {
    Declared(.seed) { value in
      if case .number(let number) = value { Int(number) } else { nil }
    }
  }
}

/// Refuses `value`, passed as `label`, above `limit` (one of `Limits`).
func refuseAbove(_ limit: Int, _ value: Int, argument label: String) throws {
  guard value <= limit else {
    throw CallError(
      "`\(label)` may be at most \(limit), got \(value)", hint: "help() lists the limits",
      argument: label)
  }
}

extension CallContext {
  /// Reserves what training `model` for `epochs` epochs needs besides the data: its weights'
  /// gradients and up to three optimizer slots, and a history of some 32 numbers an epoch.
  func reserveTraining(_ model: Sequential, epochs: Int) throws {
    let weights = model.parameterCount.multipliedReportingOverflow(by: 4 * 4)
    let history = epochs.multipliedReportingOverflow(by: 32 * 8)
    let (total, overflow) = weights.partialValue.addingReportingOverflow(history.partialValue)
    try reserve(
      weights.overflow || history.overflow || overflow ? Int.max : total, argument: "epochs")
  }
}
