import Learning

/// An optimizer as a value of the language: its settings, written as the call that made it
/// (`adam(lr: 0.01)`). Each `fit` builds a fresh optimizer from the settings; `update(net, opt)`
/// keeps one live optimizer in the value, so its moments carry from step to step.
final class OptimizerObject: HostObject {
  /// The optimizer's name: `sgd`, `adam`, `adamw`, `rmsprop`, `adagrad`.
  let name: String
  /// The learning rate.
  let rate: Double
  /// The settings given besides the rate, in the order written, for display (numbers and
  /// flags such as `nesterov: true`).
  let settings: [(label: String, value: Value)]
  /// The call that made it: `adam(lr: 0.01)`.
  let call: String
  private let build: () -> Optimizer
  /// The optimizer that `update` steps with, made on first use.
  private(set) lazy var live: Optimizer = build()

  init(
    name: String, rate: Double, settings: [(label: String, value: Value)], call: String,
    build: @escaping () -> Optimizer
  ) {
    self.name = name
    self.rate = rate
    self.settings = settings
    self.call = call
    self.build = build
  }

  /// A new optimizer with these settings and no state.
  func make() -> Optimizer { build() }

  var typeName: String { "optimizer" }
  var summary: String { call }
  var fieldNames: [String] { ["name", "lr"] + settings.map(\.label) }

  func field(named field: String) throws -> Value? {
    switch field {
    case "name": return .string(name)
    case "lr": return .number(rate)
    default: return settings.first { $0.label == field }?.value
    }
  }

  /// The names of the optimizers, as registered.
  static let names = Builtin.optimizers.map(\.name)

  /// What an `optimizer:` argument accepts: an optimizer value, or an optimizer's name.
  static var type: ValueType { .either(.host("optimizer"), .choice("optimizer", names)) }
}
