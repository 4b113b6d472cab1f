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
  static func misplaced(_ value: Value) -> String? {
    if case .function(let builtin) = value {
      return "add `()`: a callback is made by calling `\(builtin.name)(…)`"
    }
    guard case .host(let object as ScheduleObject) = value else { return nil }
    return "`\(object.summary)` is a learning-rate schedule: pass it as "
      + "`fit(…, schedule: \(object.summary))`, not in `callbacks:`"
  }
}
