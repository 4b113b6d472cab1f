import Foundation

/// The settings of a run that a diagnosis reads and advice is written from: the one place that
/// reads them out of a `RunRecord`.
public struct RunSettings: Sendable, Equatable {
  /// The optimizer as it was called, e.g. `sgd(lr: 0.1, momentum: 0.9)`.
  public var optimizerCall: String
  /// The optimizer's name, e.g. `sgd`.
  public var optimizerName: String
  /// The learning rate the optimizer was given (before any schedule).
  public var rate: Double
  /// The batch size.
  public var batch: Int
  /// The number of epochs asked for.
  public var epochs: Int
  /// What the run was trained on and with, when it was recorded.
  public var context: RunContext?

  /// The settings of `run`.
  public init(_ run: RunRecord) {
    let call = run.parameters[RunRecord.Parameter.optimizer] ?? "adam(lr: 0.001)"
    optimizerCall = call
    optimizerName = String(call.prefix { $0.isLetter || $0 == "_" })
    let written = call.firstRange(of: "lr: ").map { call[$0.upperBound...] }
    let number = written.map { String($0.prefix { $0.isNumber || "+-.e".contains($0) }) }
    rate =
      number.flatMap(Double.init) ?? run.history[RunRecord.Series.learningRate]?.first ?? 0.001
    batch = Int(run.parameters[RunRecord.Parameter.batchSize] ?? "") ?? 32
    epochs = Int(run.parameters[RunRecord.Parameter.epochs] ?? "") ?? run.epochCount
    context = run.context
  }

  /// The optimizer's call with the learning rate `rate`, its other settings kept, and the
  /// settings in `changes` set (`weight_decay` on `adam` makes it `adamw`).
  public func optimizer(rate newRate: Double, _ changes: [(label: String, value: String)] = [])
    -> String
  {
    var name = optimizerName.isEmpty ? "adam" : optimizerName
    var settings: [(label: String, value: String)] = []
    if let open = optimizerCall.firstIndex(of: "("), optimizerCall.hasSuffix(")") {
      let inside = optimizerCall[optimizerCall.index(after: open)...].dropLast()
      for part in inside.split(separator: ",") {
        let pair = part.split(separator: ":", maxSplits: 1).map {
          $0.trimmingCharacters(in: .whitespaces)
        }
        if pair.count == 2 { settings.append((pair[0], pair[1])) }
      }
    }
    settings.removeAll { setting in
      setting.label == "lr" || changes.contains { $0.label == setting.label }
    }
    if name == "adam", changes.contains(where: { $0.label == "weight_decay" }) { name = "adamw" }
    let all = [("lr", DiagnosisNumbers.format(newRate))] + changes + settings
    return name + "(" + all.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + ")"
  }
}
