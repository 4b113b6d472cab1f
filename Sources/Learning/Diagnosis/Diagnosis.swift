import Foundation

/// What a run's loss curves say about its training, read against the reference levels of its
/// data, in plain words with the run's own numbers; what to try next, as data; and the numbers
/// each rule looked at.
///
/// Every rule is checked; the findings that hold are ranked in the order below and the first is
/// the verdict (a run that bounces and overfits is unstable first). *Scale* is the chance loss
/// (`ReferenceLevels`), or the first epoch's loss for a run recorded without one; the *floor* is
/// the noise floor, or 0; *excess* is how far the training loss ended between the floor (0) and
/// chance (1). End levels are means over the last tenth of the epochs (at least 3).
///
/// | verdict | reading |
/// | --- | --- |
/// | diverged | a loss became NaN or infinite |
/// | unstable | the training loss jumped above 1.5× its best so far, undoing over half of what it had gained below chance (a jump in the first tenth of the epochs is forgiven when the run then fell to half the loss before it and below 90% of chance); or it ended above 1.1× chance without falling on 70% of the epochs |
/// | overfitting | validation loss was lowest before the last tenth of the epochs (at least 3; for a run early stopping ended, the epochs after the low), and its mean there rose above the low by more than 10% of it, 4% of scale and 1.5× its mean epoch-to-epoch rise (5% and 1% and no jitter test after early stopping), while the training loss, below chance at the low, fell below both its value at the low and the validation loss |
/// | barely moving | the training loss fell on 70% of the epochs but less than 10% of the way to the floor, ended above half of chance, at a rate of at most 0.001 (SGD) or 0.00003 (adaptive optimizers) |
/// | plateau | a model whose narrowest hidden layer has 4 units or more fell by less than 5% of the span from floor to chance over the last 40% of the epochs (at least 10, of at least 20), and ended more than 40% of the way from floor to chance |
/// | still improving | the line fitted to the last quarter of the training loss (at least 4 epochs) falls by more than 3× the spread about it; at the rate it was slowing the loss would fall by more than 10% of its height above the floor; it ended more than 10% of the way from floor to chance (or above twice the noise floor); validation loss, if any, was lowest in the last tenth |
/// | underfitting | the training loss ended more than 35% of the way from floor to chance (25% for regression), with validation loss within 30% of it |
/// | noisy | the loss (validation if any) rose on 35% of the epochs or more, on average by 4% of its level and 5% of the span from floor to chance |
/// | good fit | none of the above |
/// | too short | fewer than 3 epochs |
public struct Diagnosis: Sendable, Equatable {
  /// The kinds of behaviour a diagnosis tells apart, in the order they rank.
  public enum Verdict: String, Sendable, CaseIterable {
    case diverged
    case unstable
    case overfitting
    case barelyMoving = "barely moving"
    case plateau
    case stillImproving = "still improving"
    case underfitting
    case noisy
    case goodFit = "good fit"
    case tooShort = "too short"

    /// What the verdict means and which reference level it reads, in a sentence.
    public var meaning: String {
      switch self {
      case .diverged:
        "a loss became NaN or infinite: the rate is too large, unless the stop message blames "
          + "the data or broken weights."
      case .unstable:
        "the training loss jumped above 1.5× its best so far, undoing over half of its gain "
          + "below the chance loss, or ended above the chance loss: the rate is too high."
      case .overfitting:
        "validation loss turned and rose clearly above its low (more than its jitter) while "
          + "training loss kept falling below it."
      case .barelyMoving:
        "the training loss fell steadily but less than 10% of the way from where it started to "
          + "the noise floor (or 0), at a small rate: the steps are too small."
      case .plateau:
        "a model with 4 or more units per hidden layer stayed flat for the last 40% of the "
          + "epochs, more than 40% of the way from the noise floor (or 0) to the chance loss: "
          + "stuck, not too small."
      case .stillImproving:
        "the training loss was still falling clearly at the end (the validation loss at its "
          + "lowest), with more than 10% of its height above the noise floor (or 0) to go."
      case .underfitting:
        "both losses ended flat, close together and high: more than 35% of the way from the "
          + "noise floor (or 0) to the chance loss (25% for regression)."
      case .noisy:
        "the loss (validation if any) rose on over a third of the epochs, by 4% of its level "
          + "and 5% of the span from the noise floor to the chance loss, with no trend."
      case .goodFit: "none of the above: the losses settled low against the reference levels."
      case .tooShort: "fewer than 3 epochs: nothing to read yet."
      }
    }
  }

  /// One behaviour the curves show: the verdict, what shows it with the run's numbers, and what
  /// to try.
  public struct Finding: Sendable, Equatable {
    /// The behaviour.
    public var verdict: Verdict
    /// What the curves show, with the run's numbers.
    public var explanation: String
    /// What to try next, most useful first.
    public var advice: [Advice]
  }

  /// One number a rule looked at, and whether the rule's test on it held.
  public struct Evidence: Sendable, Equatable {
    /// The rule that looked.
    public var verdict: Verdict
    /// What was measured, in words.
    public var measure: String
    /// The measured value, as text.
    public var value: String
    /// The test the rule applies, e.g. `> 1.5`.
    public var test: String
    /// Whether the test held.
    public var holds: Bool
  }

  /// The findings that hold, most important first; never empty (a run with nothing wrong is a
  /// good fit).
  public var findings: [Finding]
  /// Every number every rule looked at, in rule order.
  public var evidence: [Evidence]
  /// The reference levels the losses were read against, when the run recorded them.
  public var reference: ReferenceLevels?
  /// The settings the advice is written from.
  public var settings: AdviceSettings

  /// The verdict: the most important finding.
  public var verdict: Verdict { findings[0].verdict }

  /// Reads the curves of `run` (its `loss` and `val_loss` series), its status and message, its
  /// settings and the reference levels of its data.
  public init(of run: RunRecord) {
    settings = AdviceSettings(run)
    reference = settings.reference
    var rules = DiagnosisRules(run: run, settings: settings)
    findings = rules.findings()
    evidence = rules.evidence
  }

  /// The reference levels in words: `chance loss 0.6931 (predicting the class frequencies),
  /// chance accuracy 50%`.
  public var referenceText: String? {
    guard let reference else { return nil }
    let format = DiagnosisNumbers.format
    var parts: [String] = []
    if let accuracy = reference.chanceAccuracy {
      parts.append("chance loss \(format(reference.chanceLoss)) (predicting the class frequencies)")
      parts.append("chance accuracy \(format(accuracy * 100))%")
    } else {
      parts.append("loss of predicting the mean \(format(reference.chanceLoss))")
    }
    if let floor = reference.noiseFloor, let noise = reference.noise {
      parts.append("noise floor \(format(floor)) (from the data's noise: \(format(noise)))")
    }
    return parts.joined(separator: ", ")
  }
}

/// Numbers in diagnoses: at most 4 significant digits, no exponent above 1e-4.
public enum DiagnosisNumbers {
  /// `value` with at most 4 significant digits.
  public static func format(_ value: Double) -> String {
    guard value.isFinite else { return "\(value)" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    if abs(value) >= 1e-4 {
      let text = String(format: "%.4g", value)
      return text.contains("e") ? String(format: "%g", value) : text
    }
    return String(format: "%.3g", value)
  }
}
