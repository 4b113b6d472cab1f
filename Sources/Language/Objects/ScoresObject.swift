/// Named scores as a value of the language: `loss 0.3102, accuracy 0.8875`, each a field
/// (`result.accuracy`).
final class ScoresObject: HostObject {
  /// The scores, in display order.
  let scores: [(name: String, value: Double)]

  init(_ scores: [(name: String, value: Double)]) { self.scores = scores }

  var typeName: String { "scores" }
  var summary: String {
    scores.map { "\($0.name) \(NumberFormat.format($0.value))" }.joined(separator: ", ")
  }
  var fieldNames: [String] { scores.map(\.name) }

  func field(named name: String) throws -> Value? {
    scores.first { $0.name == name }.map { .number($0.value) }
  }
}
