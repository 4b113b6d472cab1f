import Learning

/// The result of `lr_find`: the loss curve over growing learning rates and the suggested rate.
final class RateFinderObject: HostObject {
  let result: LearningRateFinderResult

  init(_ result: LearningRateFinderResult) { self.result = result }

  var typeName: String { "lr_find result" }
  var summary: String {
    let suggestion =
      result.suggestion.map { "suggested lr \(NumberFormat.format($0))" }
      ?? "no suggestion (the loss never fell)"
    return "lr_find over \(result.rates.count) steps: \(suggestion); plot(it) shows the curve"
  }
  var fieldNames: [String] { ["suggestion", "rates", "losses"] }

  func field(named name: String) throws -> Value? {
    switch name {
    case "suggestion": result.suggestion.map { .number($0) } ?? Value.none
    case "rates": .list(result.rates.map { .number($0) })
    case "losses": .list(result.losses.map { .number($0) })
    default: nil
    }
  }
}
