import Foundation

/// What a run's loss curves say about its training, in plain words with the run's own numbers,
/// and what to try next, written as code a learner can type.
///
/// The verdict is the first of these that fits (epochs count from 1; drops are relative):
///
/// | verdict | reading |
/// | --- | --- |
/// | diverged | a loss became NaN or infinite, or the training loss ended above 1.5× its start |
/// | too short | fewer than 3 epochs: nothing to read yet |
/// | overfitting | validation loss was lowest before the last tenth of the epochs (at least 3), and its mean over that tenth is above the low by more than 10% of it and by more than 0.01, while the training loss kept falling |
/// | noisy | the curve (validation if any) rose on at least 35% of epochs, by 4% of its level on average |
/// | barely moving | the training loss fell by less than 10% overall, at a steady pace (the last quarter of the epochs brought at least 15% of the fall) |
/// | underfitting | the training loss flattened after falling less than 10%, or was still falling steadily (by over 5%, and 15% of its fall, in the last quarter) |
/// | good fit | none of the above |
///
/// A diverged run is advised a smaller learning rate, unless its stop message blames something
/// a rate does not fix: NaN or infinite inputs (clean the data), inputs so large that the first
/// forward pass overflows (standardize), or weights broken before the run (build the model again).
public struct Diagnosis: Sendable, Equatable {
  /// The kinds of behaviour a diagnosis tells apart.
  public enum Verdict: String, Sendable, CaseIterable {
    case diverged
    case tooShort = "too short"
    case overfitting
    case noisy
    case barelyMoving = "barely moving"
    case underfitting
    case goodFit = "good fit"
  }

  /// The behaviour recognised.
  public var verdict: Verdict
  /// What the curves show, with the run's numbers.
  public var explanation: String
  /// Code to try next, one line each.
  public var suggestions: [String]

  /// Reads the curves of `run` (its `loss` and `val_loss` series, its status, learning rate,
  /// optimizer and batch size).
  public init(of run: RunRecord) {
    let reading = CurveReading(
      train: run.history[RunRecord.Series.loss] ?? [],
      validation: run.history[RunRecord.Series.validationLoss] ?? [])
    let settings = AdviceSettings(run)
    (verdict, explanation, suggestions) = Self.judge(reading, settings, run)
  }

  /// The diagnosis as text: a heading with the verdict, the explanation, and the suggestions.
  public var text: String {
    var lines = ["\(verdict.rawValue): \(explanation)"]
    if !suggestions.isEmpty {
      lines.append("try:")
      lines += suggestions.map { "  " + $0 }
    }
    return lines.joined(separator: "\n")
  }

  private static func judge(
    _ curve: CurveReading, _ settings: AdviceSettings, _ run: RunRecord
  ) -> (Verdict, String, [String]) {
    let format = DiagnosisNumbers.format
    let smallerRate = settings.optimizer(rate: settings.rate / 10)
    if let message = run.message, let cause = NonFiniteCause(message: message),
      let advice = Self.advice(for: cause)
    {
      return (.diverged, message + ". " + advice.explanation, advice.suggestions)
    }
    if let epoch = curve.firstNonFinite {
      let what = run.message.map { " (\($0))" } ?? ""
      return (
        .diverged,
        "the loss became NaN or infinite at epoch \(epoch)\(what). The learning rate "
          + "\(format(settings.rate)) is too large: each step overshoots and the weights blow up.",
        [
          "optimizer: \(smallerRate)",
          "optimizer: \(settings.optimizer(rate: settings.rate, clip: true))",
        ]
      )
    }
    if run.status == .diverged {
      let what = run.message ?? "training stopped on a loss that was not finite"
      return (.diverged, what + ".", ["optimizer: \(smallerRate)"])
    }
    guard curve.epochs >= 3, let first = curve.train.first, let last = curve.train.last else {
      return (
        .tooShort,
        "the run has \(curve.epochs) \(curve.epochs == 1 ? "epoch" : "epochs"); curves need a few "
          + "epochs to read.", ["epochs: \(max(20, settings.epochs * 10))"]
      )
    }
    if last > 1.5 * first {
      return (
        .diverged,
        "the training loss rose from \(format(first)) at epoch 1 to \(format(last)) at epoch "
          + "\(curve.epochs). The learning rate \(format(settings.rate)) is too large.",
        ["optimizer: \(smallerRate)"]
      )
    }
    if let best = curve.bestValidation, let final = curve.validation.last,
      let end = curve.validationEnd, best.epoch <= curve.validation.count - end.epochs,
      end.level - best.value > max(0.1 * best.value, 0.01), curve.train[best.epoch - 1] > last
    {
      let rise = (final - best.value) / best.value * 100
      return (
        .overfitting,
        "validation loss was lowest at epoch \(best.epoch) (\(format(best.value))) and rose to "
          + "\(format(final)) by epoch \(curve.epochs) (+\(format(rise))%), while training loss "
          + "kept falling from \(format(curve.train[best.epoch - 1])) to \(format(last)). The "
          + "model is memorising the training data.",
        [
          "callbacks: [early_stopping(patience: \(max(5, best.epoch / 5)))]",
          "epochs: \(best.epoch)",
          "optimizer: \(settings.optimizer(rate: settings.rate, weightDecay: true))",
        ]
      )
    }
    let roughness = curve.roughness
    if roughness.risingFraction >= 0.35, roughness.meanRise >= 0.04 {
      let which = curve.validation.isEmpty ? "training" : "validation"
      return (
        .noisy,
        "the \(which) loss went up on \(format(roughness.risingFraction * 100))% of epochs, by "
          + "\(format(roughness.meanRise * 100))% of its level on average. Steps of batch "
          + "\(settings.batch) at learning rate \(format(settings.rate)) are too jumpy.",
        ["batch: \(settings.batch * 4)", "optimizer: \(smallerRate)"]
      )
    }
    let drop = curve.overallDrop * 100
    if curve.overallDrop < 0.1, curve.tailShare >= 0.15 {
      return (
        .barelyMoving,
        "the training loss fell only \(format(drop))% in \(curve.epochs) epochs (from "
          + "\(format(first)) to \(format(last))) and is still falling slowly. The learning rate "
          + "\(format(settings.rate)) is too small, or the run too short.",
        [
          "optimizer: \(settings.optimizer(rate: settings.rate * 10))",
          "epochs: \(curve.epochs * 5)",
        ]
      )
    }
    if curve.overallDrop < 0.1 {
      let gap = curve.validation.last.map { " (validation \(format($0)))" } ?? ""
      return (
        .underfitting,
        "the training loss flattened at \(format(last))\(gap) after falling only "
          + "\(format(drop))%. The model cannot fit even the training data: it is too small or "
          + "too constrained.",
        [
          "net = mlp(inputs: …, hidden: [32, 32], outputs: …)",
          "optimizer: \(settings.optimizer(rate: settings.rate * 10))",
        ]
      )
    }
    if curve.tailDrop > 0.05, curve.tailShare >= 0.15 {
      return (
        .underfitting,
        "the training loss was still falling at the end: \(format(curve.tailDrop * 100))% over "
          + "the last epochs, to \(format(last)). Training stopped before the model learned "
          + "what it can.",
        [
          "epochs: \(curve.epochs * 3)",
          "optimizer: \(settings.optimizer(rate: settings.rate * 3))",
        ]
      )
    }
    let validation =
      curve.bestValidation.map {
        " and validation loss was lowest at epoch \($0.epoch) (\(format($0.value)))"
      } ?? ""
    return (
      .goodFit,
      "the training loss fell \(format(drop))% to \(format(last))\(validation), with no sign of "
        + "overfitting or instability.",
      ["evaluate(net, test)"]
    )
  }
}

extension Diagnosis {
  /// What to do about a loss that was not finite for a cause the learning rate does not explain,
  /// or nil when a smaller rate is the advice.
  fileprivate static func advice(
    for cause: NonFiniteCause
  ) -> (explanation: String, suggestions: [String])? {
    switch cause {
    case .nonFiniteInputs:
      return (
        "The data holds NaN or infinite values, and no learning rate fixes that: clean or impute "
          + "them before training.", []
      )
    case .overflow:
      return (
        "The inputs are so large that the forward pass overflows before any step: put the "
          + "features on a common scale.", ["train, val = standardize(train, val)"]
      )
    case .brokenWeights:
      return (
        "The weights were broken before this run began (an earlier run diverged): build the "
          + "model again rather than changing the learning rate.",
        ["net = mlp(inputs: …, hidden: […], outputs: …)"]
      )
    case .largeRate: return nil
    }
  }
}

/// The settings of a run that suggestions are written from.
struct AdviceSettings {
  var optimizerName: String
  var rate: Double
  var batch: Int
  var epochs: Int

  init(_ run: RunRecord) {
    optimizerName = run.settings?.optimizer.name ?? "adam"
    rate = run.history[RunRecord.Series.learningRate]?.first ?? 0.001
    batch = run.settings?.batchSize ?? 32
    epochs = run.settings?.epochs ?? run.epochCount
  }

  /// The optimizer's constructor call with `rate`, and optionally clipping or weight decay.
  func optimizer(rate: Double, clip: Bool = false, weightDecay: Bool = false) -> String {
    let name = weightDecay && optimizerName == "adam" ? "adamw" : optimizerName
    var arguments = ["lr: " + DiagnosisNumbers.format(rate)]
    if clip { arguments.append("clip_norm: 1") }
    if weightDecay { arguments.append("weight_decay: 0.0001") }
    return "\(name.isEmpty ? "adam" : name)(\(arguments.joined(separator: ", ")))"
  }
}

/// Numbers in diagnoses: at most 4 significant digits, no exponent above 1e-4.
enum DiagnosisNumbers {
  static func format(_ value: Double) -> String {
    guard value.isFinite else { return "\(value)" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    if abs(value) >= 1e-4 {
      let text = String(format: "%.4g", value)
      return text.contains("e") ? String(format: "%g", value) : text
    }
    return String(format: "%.3g", value)
  }
}
