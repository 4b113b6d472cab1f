import Datasets
import Engine
import Foundation
import Learning

/// Turning a fit loop's history into a run record and the lines a learner reads while it trains.
enum RunRecording {
  /// The loss that suits a task when `fit` is given none: binary cross-entropy for two classes,
  /// cross-entropy for more, mean squared error for regression.
  static func defaultLoss(for task: Task) -> Loss {
    switch task {
    case .binary: .binaryCrossEntropy
    case .multiclass: .crossEntropy()
    case .regression: .meanSquaredError
    }
  }

  /// One line for an epoch: `epoch  12/200  loss 0.3012  val_loss 0.2987  accuracy 0.88  0.31 s`.
  static func progressLine(_ record: EpochRecord, epochs: Int, elapsed: Double) -> String {
    var parts = [
      "epoch \(rightAligned(record.epoch, toWidthOf: epochs))/\(epochs)",
      "loss \(NumberFormat.format(record.trainLoss))",
    ]
    if let validation = record.validationLoss {
      parts.append("val_loss \(NumberFormat.format(validation))")
    }
    parts += record.metrics.keys.sorted().map {
      "\($0) \(NumberFormat.format(record.metrics[$0] ?? .nan))"
    }
    parts.append(seconds(elapsed))
    return parts.joined(separator: "  ")
  }

  /// The summary printed when training ends: the best epoch and the final numbers.
  static func summaryText(_ run: RunObject) -> String {
    var lines: [String] = []
    if let best = run.bestLoss {
      lines.append("best epoch \(best.epoch): \(best.key) \(NumberFormat.format(best.value))")
    }
    let final = run.finalValues
    if !final.isEmpty {
      lines.append(
        "final: "
          + final.map { "\($0.name) \(NumberFormat.format($0.value))" }
          .joined(separator: ", "))
    }
    if let message = run.record.message {
      lines.append(run.record.status == .finished ? message : "stopped: \(message)")
    }
    return lines.joined(separator: "\n")
  }
}
