/// How a run was trained, kept beside its record so that a lesson's checks can look at the route
/// and not only at the numbers it reached: `run.data`, `run.validation`, `run.model`,
/// `run.optimizer`, `run.schedule` and `run.resumed_from`.
struct RunRoute {
  /// The data the run learned from.
  var data: DatasetObject
  /// The data it was validated on after each epoch, if any.
  var validation: DatasetObject?
  /// The model it trained.
  var model: ModelObject
  /// The optimizer as written, with its rate and settings.
  var optimizer: OptimizerObject
  /// The schedule as written, if any.
  var schedule: ScheduleObject?
  /// The checkpoint file this part of the run restored its position from (`resume(from:)`).
  var resumedFrom: String?

  /// The names of the fields a run gets from its route.
  static let fieldNames = ["data", "validation", "model", "optimizer", "schedule", "resumed_from"]

  /// The field `name`, or `nil` when the route has no such field.
  func field(named name: String) -> Value? {
    switch name {
    case "data": .host(data)
    case "validation": validation.map { .host($0) } ?? Value.none
    case "model": .host(model)
    case "optimizer": .host(optimizer)
    case "schedule": schedule.map { .host($0) } ?? Value.none
    case "resumed_from": resumedFrom.map { .string($0) } ?? Value.none
    default: nil
    }
  }
}
