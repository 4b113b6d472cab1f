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
