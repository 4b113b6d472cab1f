import Learning

/// A callback as a value of the language: a recipe that each `fit` turns into a fresh callback,
/// so one `early_stopping(…)` value can serve several runs.
final class CallbackObject: HostObject {
  /// The call that made it, for display.
  let call: String
  private let make: () throws -> any Callback

  init(call: String, make: @escaping () throws -> any Callback) {
    self.call = call
    self.make = make
  }

  /// A new callback for one fit.
  func callback() throws -> any Callback { try make() }

  var typeName: String { "callback" }
  var summary: String { call }

  /// Where a value given among the callbacks belongs instead, if it is one a learner may take
  /// for a callback: a schedule such as `reduce_on_plateau(…)` goes in `schedule:`.
  /// The names of the callbacks.
  static let names = ["early_stopping", "checkpoint", "log_epochs"]

  /// What an element of `callbacks:` accepts: a callback, or a callback's name (called with its
  /// defaults).
  static var type: ValueType { .either(.host("callback"), .choice("callback", names)) }

  static func misplaced(_ value: Value) -> String? {
    guard case .host(let object as ScheduleObject) = value else { return nil }
    return "`\(object.summary)` is a learning-rate schedule: pass it as "
      + "`fit(…, schedule: \(object.summary))`, not in `callbacks:`"
  }
}
