import Learning

/// A loss function as a value of the language: `bce`, `cross_entropy(label_smoothing: 0.1)`.
final class LossObject: HostObject {
  /// The loss.
  let loss: Loss

  init(_ loss: Loss) { self.loss = loss }

  var typeName: String { "loss" }
  var summary: String { LossObject.call(loss) }
  var fieldNames: [String] { ["name"] }

  func field(named name: String) throws -> Value? {
    name == "name" ? .string(loss.name) : nil
  }

  /// The names of the losses, as registered.
  static let names = Builtin.losses.map(\.name)

  /// The loss as code: `huber(delta: 2)`, `bce`.
  static func call(_ loss: Loss) -> String {
    switch loss {
    case .huber(let delta) where delta != 1: "huber(delta: \(NumberFormat.format(Double(delta))))"
    case .crossEntropy(let smoothing) where smoothing != 0:
      "cross_entropy(label_smoothing: \(NumberFormat.format(Double(smoothing))))"
    default: loss.name
    }
  }

  /// What a `loss:` argument accepts: a loss value, or a loss's name as a string or built-in.
  static var type: ValueType { .either(.host("loss"), .choice("loss", names)) }
}
