import Learning

/// A loss function as a value of the language: `bce`, `cross_entropy(label_smoothing: 0.1)`.
final class LossObject: HostObject {
  /// The loss.
  let loss: Loss
  /// The call that made it, for display: `huber(delta: 2)`, or `bce` where it was written bare.
  let call: String

  init(_ loss: Loss, call: String) {
    self.loss = loss
    self.call = call
  }

  var typeName: String { "loss" }
  var summary: String { call }
  var fieldNames: [String] { ["name"] }

  func field(named name: String) throws -> Value? {
    name == "name" ? .string(loss.name) : nil
  }

  /// The names of the losses, as registered.
  static let names = Builtin.losses.map(\.name)

  /// What a `loss:` argument accepts: a loss value, or a loss's name as a string or built-in.
  static var type: ValueType { .either(.host("loss"), .choice("loss", names)) }
}
