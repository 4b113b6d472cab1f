import Datasets
import Learning

extension Arguments {
  /// The dataset passed as `label`.
  public func dataset(_ label: String) -> Dataset { host(label, as: DatasetObject.self).dataset }

  /// The model passed as `label`.
  public func model(_ label: String) -> ModelObject { host(label, as: ModelObject.self) }

  /// The seed passed as `label` (declared `.either(.integer, .none)`), or one drawn from the
  /// session when it is `none`; a negative seed is an error at that argument.
  public func seed(_ label: String = "seed", in context: CallContext) throws -> UInt64 {
    if isNone(label) { return context.nextSeed() }
    let seed = integer(label)
    guard seed >= 0 else {
      throw CallError("a seed cannot be negative, got \(seed)", argument: label)
    }
    return UInt64(seed)
  }

  /// The whole number passed as `label`, which must be at least `minimum`.
  public func integer(_ label: String, atLeast minimum: Int, what: String) throws -> Int {
    let value = integer(label)
    guard value >= minimum else {
      throw CallError("\(what) must be at least \(minimum), got \(value)", argument: label)
    }
    return value
  }

  /// The whole number passed as `label`, which must lie in `range`; `what` names it.
  public func integer(_ label: String, in range: ClosedRange<Int>, what: String) throws -> Int {
    let value = try integer(label, atLeast: range.lowerBound, what: what)
    guard value <= range.upperBound else {
      throw CallError(
        "\(what) may be at most \(range.upperBound), got \(value)",
        hint: "help() lists the limits", argument: label)
    }
    return value
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

extension BuiltinParameter {
  /// The `seed:` parameter every random built-in has: a whole number, or none to draw one from
  /// the session's seed stream.
  public static var seed: BuiltinParameter {
    .optional(
      "seed", .either(.integer, .none), default: .none,
      "The seed; none draws one from the session, whose seed `seed(n)` sets.")
  }
}
