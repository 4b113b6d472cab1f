/// The numbers a parameter accepts, declared once beside it: the binder refuses any other value
/// ("`patience` must be at least 0, got -1") at the argument, and `help` shows the range.
///
/// A list parameter's range applies to each of its numbers.
public struct ValidRange: Sendable {
  /// The smallest accepted value, if any, and whether it is itself accepted.
  public var lowest: (value: Double, included: Bool)?
  /// The largest accepted value, if any, and whether it is itself accepted.
  public var highest: (value: Double, included: Bool)?
  /// What a refusal says of the value: `must be at least 1`, `cannot be negative`.
  public var refusal: String
  /// What a refusal suggests instead, when that helps.
  public var hint: String?

  /// Whether `value` lies in the range.
  public func contains(_ value: Double) -> Bool {
    if let lowest, value < lowest.value || (!lowest.included && value == lowest.value) {
      return false
    }
    if let highest, value > highest.value || (!highest.included && value == highest.value) {
      return false
    }
    return true
  }

  /// The range in the notation `help` shows: `≥ 1`, `> 0`, `in [0, 1)`, `in [0, 15]`.
  public var notation: String {
    switch (lowest, highest) {
    case (let low?, let high?):
      return "in " + (low.included ? "[" : "(") + text(low.value) + ", " + text(high.value)
        + (high.included ? "]" : ")")
    case (let low?, nil): return (low.included ? "≥ " : "> ") + text(low.value)
    case (nil, let high?): return (high.included ? "≤ " : "< ") + text(high.value)
    case (nil, nil): return "any"
    }
  }

  /// The same range, refused in other words: `.atLeast(1).saying("must be at least 1 sample")`.
  public func saying(_ refusal: String) -> ValidRange {
    var copy = self
    copy.refusal = refusal
    return copy
  }

  /// The same range, whose refusal suggests `hint`.
  public func hinting(_ hint: String) -> ValidRange {
    var copy = self
    copy.hint = hint
    return copy
  }

  /// `minimum` or more: "at least 1".
  public static func atLeast(_ minimum: Double) -> ValidRange {
    ValidRange(lowest: (minimum, true), highest: nil, refusal: "must be at least \(text(minimum))")
  }

  /// More than 0: "a positive number".
  public static var positive: ValidRange {
    ValidRange(lowest: (0, false), highest: nil, refusal: "must be a positive number")
  }

  /// Below `limit`: "below 1".
  public static func below(_ limit: Double) -> ValidRange {
    ValidRange(lowest: nil, highest: (limit, false), refusal: "must be below \(text(limit))")
  }

  /// From `low` up to but not including `high`: "from 0 up to (not including) 1".
  public static func from(_ low: Double, upTo high: Double) -> ValidRange {
    ValidRange(
      lowest: (low, true), highest: (high, false),
      refusal: "must be from \(text(low)) up to (not including) \(text(high))")
  }

  /// From `low` to `high`, both included: "from 0 to 15".
  public static func from(_ low: Double, to high: Double) -> ValidRange {
    ValidRange(
      lowest: (low, true), highest: (high, true),
      refusal: "must be from \(text(low)) to \(text(high))")
  }

  /// Strictly between `low` and `high`: "between 0 and 1".
  public static func between(_ low: Double, _ high: Double) -> ValidRange {
    ValidRange(
      lowest: (low, false), highest: (high, false),
      refusal: "must be between \(text(low)) and \(text(high))")
  }

  /// A bound as the learner writes it: `1`, `0.5`.
  private static func text(_ value: Double) -> String { Value.number(value).summary }
  private func text(_ value: Double) -> String { Self.text(value) }
}
