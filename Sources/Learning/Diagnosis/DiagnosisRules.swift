/// The rules of `Diagnosis`, each reading the run's curves against its reference levels and
/// noting the numbers it looked at.
struct DiagnosisRules {
  private let run: RunRecord
  private let settings: AdviceSettings
  private let train: CurveReading
  private let validation: CurveReading?
  /// The chance loss, or the first epoch's loss without reference levels.
  private let scale: Double
  /// The noise floor, or 0.
  private let floor: Double
  /// Whether `scale` is a true chance level.
  private let hasReference: Bool
  private let format = DiagnosisNumbers.format
  /// The numbers looked at so far.
  private(set) var evidence: [Diagnosis.Evidence] = []

  init(run: RunRecord, settings: AdviceSettings) {
    self.run = run
    self.settings = settings
    train = CurveReading(values: run.history[RunRecord.Series.loss] ?? [])
    let validationValues = run.history[RunRecord.Series.validationLoss] ?? []
    validation = validationValues.isEmpty ? nil : CurveReading(values: validationValues)
    let reference = settings.reference
    hasReference = reference != nil
    floor = reference?.noiseFloor ?? 0
    let first = train.values.first ?? 1
    scale = max(reference?.chanceLoss ?? (first.isFinite ? first : 1), floor + 1e-12)
  }

  /// The findings that hold, ranked; a good fit when none does.
  mutating func findings() -> [Diagnosis.Finding] {
    if let diverged = divergence() { return [diverged] }
    guard train.epochs >= 3 else {
      return [
        .init(
          verdict: .tooShort,
          explanation: "the run has \(train.epochs) \(train.epochs == 1 ? "epoch" : "epochs"); "
            + "curves need a few epochs to read.",
          advice: [.trainLonger(epochs: 20)])
      ]
    }
    let checks: [(inout DiagnosisRules) -> Diagnosis.Finding?] = [
      { $0.instability() }, { $0.overfitting() }, { $0.barelyMoving() }, { $0.plateau() },
      { $0.stillImproving() }, { $0.underfitting() }, { $0.noise() },
    ]
    var found: [Diagnosis.Finding] = []
    for check in checks {
      if let finding = check(&self) { found.append(finding) }
    }
    guard let first = found.first else { return [goodFit()] }
    let alongside = Self.alongside[first.verdict] ?? []
    return [first] + found.dropFirst().filter { alongside.contains($0.verdict) }
  }

  /// The findings worth naming beside a verdict; the others follow from it (a run whose rate
  /// is too high also looks noisy and high, a run still falling also looks underfit).
  private static let alongside: [Diagnosis.Verdict: Set<Diagnosis.Verdict>] = [
    .unstable: [.overfitting], .overfitting: [.noisy], .stillImproving: [.noisy],
    .underfitting: [.noisy],
  ]

  // MARK: - Reference

  /// How far `loss` lies between the floor (0) and chance (1).
  private func excess(_ loss: Double) -> Double { (loss - floor) / (scale - floor) }

  /// `0.21, 21× the noise floor 0.01` or `0.47, 68% of chance (0.6931)`.
  private func placed(_ loss: Double) -> String {
    let reference = settings.reference
    if let noiseFloor = reference?.noiseFloor, noiseFloor > 0 {
      return "\(format(loss)) (\(format(loss / noiseFloor))× the noise floor "
        + "\(format(noiseFloor)) this data allows)"
    }
    guard let chance = reference?.chanceLoss, chance > 0 else { return format(loss) }
    let what = reference?.chanceAccuracy == nil ? "predicting the mean" : "chance"
    return "\(format(loss)) (\(format(loss / chance * 100))% of \(what), \(format(chance)))"
  }

  private mutating func note(
    _ verdict: Diagnosis.Verdict, _ measure: String, _ value: Double, _ test: String,
    _ holds: Bool, unit: String = ""
  ) {
    evidence.append(
      .init(
        verdict: verdict, measure: measure, value: format(value) + unit, test: test, holds: holds))
  }

  // MARK: - Rules

  private func divergence() -> Diagnosis.Finding? {
    if let message = run.message, let cause = NonFiniteCause(message: message),
      let advice = Self.advice(for: cause)
    {
      return .init(verdict: .diverged, explanation: message + ". " + advice.0, advice: advice.1)
    }
    let smaller: [Advice] = [
      .learningRate(settings.rate / 10), .clipGradients(norm: 1),
    ]
    let validationBad = validation?.firstNonFinite
    if let epoch = [train.firstNonFinite, validationBad].compactMap({ $0 }).min() {
      let what = run.message.map { " (\($0))" } ?? ""
      return .init(
        verdict: .diverged,
        explanation: "the loss became NaN or infinite at epoch \(epoch)\(what). The learning rate "
          + "\(format(settings.rate)) is too large: each step overshoots and the weights blow up.",
        advice: smaller)
    }
    guard run.status == .diverged else { return nil }
    let what = run.message ?? "training stopped on a loss that was not finite"
    return .init(verdict: .diverged, explanation: what + ".", advice: smaller)
  }

  private mutating func instability() -> Diagnosis.Finding? {
    // A jump in the first tenth of the epochs (Adam's first large steps) is forgiven when the
    // run went on to fall to half the loss before the jump and below 90% of chance.
    let early = max(3, train.epochs / 10)
    let spikes = train.spikes(factor: 1.5, scale: scale).filter { spike in
      let before = train.values[spike.epoch - 1] / spike.ratio
      return spike.epoch > early || train.endLevel >= min(before / 2, 0.9 * scale)
    }
    note(
      .unstable, "largest training loss over the best before it", train.largestRiseOverBest,
      "> 1.5, undoing half the gain below chance, after epoch \(early) or never recovered",
      !spikes.isEmpty, unit: "×")
    let end = train.endLevel
    let worse = hasReference && end > 1.1 * scale && train.fallingShare < 0.7
    if hasReference {
      note(
        .unstable, "training loss at the end over chance", end / scale,
        "> 1.1, not falling steadily", worse, unit: "×")
    }
    guard !spikes.isEmpty || worse else { return nil }
    var parts: [String] = []
    if let largest = spikes.max(by: { $0.ratio < $1.ratio }) {
      let value = train.values[largest.epoch - 1]
      parts.append(
        "the training loss jumped to \(format(value)) at epoch \(largest.epoch), "
          + "\(format(largest.ratio))× the best before it (\(format(value / largest.ratio)))"
          + (spikes.count > 1 ? ", one of \(spikes.count) such jumps" : ""))
    }
    if worse {
      parts.append("it ended at \(format(end)), worse than chance (\(format(scale)))")
    }
    return .init(
      verdict: .unstable,
      explanation: parts.joined(separator: "; ") + ". The learning rate \(format(settings.rate)) "
        + "is too high: its steps overshoot the minimum and undo what earlier steps learned.",
      advice: [.learningRate(settings.rate / 10), .clipGradients(norm: 1)])
  }

  private mutating func overfitting() -> Diagnosis.Finding? {
    guard let validation else { return nil }
    let best = validation.best
    let stopped = run.status == .stoppedEarly && settings.earlyStopping != nil
    let after = validation.epochs - best.epoch
    let window = stopped ? max(1, min(after, validation.endCount)) : validation.endCount
    let end = validation.values.suffix(window).reduce(0, +) / Double(window)
    let rise = end - best.value
    let (share, absolute) = stopped ? (0.05, 0.01) : (0.1, 0.04)
    // A rise must also stand out of the epoch-to-epoch jitter, unless early stopping already
    // saw patience epochs without a new low.
    let jitter = stopped ? 0 : 1.5 * validation.jitter.meanRise
    let needed = max(share * best.value, absolute * scale, jitter)
    let trainAtBest = train.values[min(best.epoch, train.epochs) - 1]
    let trainEnd = train.values.suffix(window).reduce(0, +) / Double(window)
    let learned = trainAtBest < (train.values.first ?? .infinity)
    let turned =
      after >= window && rise > needed && trainEnd < trainAtBest && trainEnd < end && learned
    // Below the noise floor the model has learned the noise itself: on new data the floor
    // still holds, so a validation loss far above it is the other half of the same story.
    let belowFloor = floor > 0 && trainEnd < 0.5 * floor && end > 2 * floor
    // A validation loss that never rose can still sit far above a training loss driven near
    // zero: the model fits the points it saw and not new ones (a generalisation gap).
    let gapped = learned && trainEnd < 0.1 * end && end - trainEnd > 0.1 * scale
    let holds = turned || belowFloor || gapped
    note(
      .overfitting, "epochs after the lowest validation loss", Double(after), "≥ \(window)",
      after >= window)
    note(
      .overfitting, "validation loss's rise from its low", rise, "> \(format(needed))",
      rise > needed)
    note(
      .overfitting, "training loss at the end", trainEnd,
      "< \(format(min(trainAtBest, end))) (at the low, and validation at the end)",
      trainEnd < trainAtBest && trainEnd < end)
    note(
      .overfitting, "training loss at the low, over its first epoch's",
      trainAtBest / (train.values.first ?? 1), "< 1", learned, unit: "×")
    if floor > 0 {
      note(
        .overfitting, "training loss at the end over the noise floor", trainEnd / floor,
        "< 0.5, with validation above 2", belowFloor, unit: "×")
    }
    note(
      .overfitting, "validation loss at the end over training's", end / max(trainEnd, 1e-12),
      "> 10, and higher by > \(format(0.1 * scale))", gapped, unit: "×")
    guard holds else { return nil }
    var advice: [Advice] = []
    if !stopped, turned { advice.append(.earlyStopping(patience: max(5, best.epoch / 5))) }
    advice.append(.weightDecay(settings.weightDecay == 0 ? 0.01 : settings.weightDecay * 10))
    if settings.dropout == 0, settings.shape?.hidden.isEmpty == false {
      advice.append(.dropout(0.2))
    }
    advice.append(.moreData)
    let floorStory =
      "the training loss ended at \(format(trainEnd)), \(format(trainEnd / max(floor, 1e-12)))× "
      + "the noise floor \(format(floor)) this data allows, and validation at \(format(end)): "
      + "the model learned the noise of its training points"
    let turnStory =
      "validation loss was lowest at epoch \(best.epoch) (\(format(best.value))) and rose to "
      + "\(format(validation.values.last ?? end)) by epoch \(validation.epochs) "
      + "(+\(format(rise / best.value * 100))% on average over the last \(window)), while "
      + "training loss kept falling from \(format(trainAtBest)) to \(format(trainEnd))"
    let ending =
      stopped
      ? ". Early stopping ended the run \(after) epochs after the low"
        + (settings.earlyStopping?.restoresBest == true
          ? " and restored the weights of epoch \(best.epoch), so the model is already the best "
            + "this run found. To push that low lower, regularise or add data."
          : "; the model keeps the weights of the last epoch, not the best.")
      : (turned || gapped) && !belowFloor ? ". The model is memorising its training data." : "."
    let gapStory =
      "the training loss fell to \(format(trainEnd)) but validation stayed at \(format(end)), "
      + "\(format(end / max(trainEnd, 1e-12)))× higher: the model fits the points it trained on "
      + "far better than new ones"
    let story =
      turned
      ? turnStory + (belowFloor ? "; " + floorStory : "") : belowFloor ? floorStory : gapStory
    return .init(verdict: .overfitting, explanation: story + ending, advice: advice)
  }

  private mutating func barelyMoving() -> Diagnosis.Finding? {
    let first = train.values[0]
    let end = train.endLevel
    let drop = (first - end) / max(first - floor, 1e-12)
    let steady = train.fallingShare
    let high = excess(end)
    let smallRate = settings.rate <= Self.smallRate(for: settings.optimizerName)
    let holds = drop < 0.1 && steady >= 0.7 && high > 0.5 && smallRate
    note(
      .barelyMoving, "share of the way to the floor the training loss fell", drop * 100, "< 10",
      drop < 0.1, unit: "%")
    note(
      .barelyMoving, "share of epochs the training loss fell", steady * 100, "≥ 70", steady >= 0.7,
      unit: "%")
    note(
      .barelyMoving, "training loss at the end, from floor (0) to chance (1)", high, "> 0.5",
      high > 0.5)
    note(
      .barelyMoving, "learning rate", settings.rate,
      "≤ \(format(Self.smallRate(for: settings.optimizerName))), small for \(settings.optimizerName)",
      smallRate)
    guard holds else { return nil }
    return .init(
      verdict: .barelyMoving,
      explanation: "the training loss fell steadily but only from \(format(first)) to "
        + "\(placed(end)) in \(train.epochs) epochs, \(format(drop * 100))% of the way down. The "
        + "learning rate \(format(settings.rate)) is too small: the steps are tiny.",
      advice: [.learningRate(settings.rate * 10), .adam(rate: 0.01)])
  }

  private mutating func plateau() -> Diagnosis.Finding? {
    let widths = settings.shape?.hidden ?? [16]
    let stretch = max(10, Int((0.4 * Double(train.epochs)).rounded(.up)))
    let fell = train.epochs >= 2 * stretch ? train.fall(overLast: stretch) : .infinity
    let flat = fell < 0.05 * (scale - floor)
    let high = excess(train.endLevel)
    let capable = !widths.isEmpty && (widths.min() ?? 0) >= 4
    note(
      .plateau, "training loss's fall over the last \(stretch) epochs (of at least 20)", fell,
      "< 5% of the span from floor to chance, \(format(0.05 * (scale - floor)))", flat)
    note(
      .plateau, "training loss at the end, from floor (0) to chance (1)", high, "> 0.4",
      high > 0.4)
    note(.plateau, "narrowest hidden layer", Double(widths.min() ?? 0), "≥ 4", capable)
    guard flat, high > 0.4, capable else { return nil }
    var advice: [Advice] = []
    if settings.optimizerName != "adam" { advice.append(.adam(rate: 0.01)) }
    advice.append(.anotherSeed)
    return .init(
      verdict: .plateau,
      explanation: "the training loss has sat at \(placed(train.endLevel)) for the last \(stretch) "
        + "epochs. A model of this size can do better: training is stuck on a flat stretch of "
        + "the loss where the gradients are too small to move it.",
      advice: advice)
  }

  private mutating func stillImproving() -> Diagnosis.Finding? {
    let trend = train.trend()
    let tail = train.tailCount
    let fall = -trend.slope * Double(tail)
    let remaining = train.remainingFall
    let height = max(train.endLevel - floor, 0)
    let high = excess(train.endLevel)
    let aboveFloor = floor > 0 && train.endLevel > 2 * floor
    let notDone = high > 0.1 || aboveFloor
    let clear = fall > 3 * trend.spread && remaining > 0.1 * height && notDone
    note(
      .stillImproving, "training loss's fall over the last \(tail) epochs (fitted line)", fall,
      "> 3 × the spread about the line, \(format(3 * trend.spread))", fall > 3 * trend.spread)
    note(
      .stillImproving, "its further fall if it keeps slowing as it did", remaining,
      "> 10% of its height above the floor, \(format(0.1 * height))", remaining > 0.1 * height)
    note(
      .stillImproving, "training loss at the end, from floor (0) to chance (1)", high,
      "> 0.1, or above twice the noise floor", notDone)
    var validationLow = true
    if let validation {
      let best = validation.best
      validationLow = best.epoch > validation.epochs - validation.endCount
      note(
        .stillImproving, "epoch of the lowest validation loss", Double(best.epoch),
        "> \(validation.epochs - validation.endCount)", validationLow)
    }
    guard clear, validationLow else { return nil }
    let more = max(settings.epochs, train.epochs)
    let validationText =
      validation.map { ", validation \(format($0.values.last ?? 0)) and still at its lowest" } ?? ""
    return .init(
      verdict: .stillImproving,
      explanation: "the training loss was still falling at the end, by \(format(-trend.slope)) "
        + "per epoch over the last \(tail), to \(placed(train.values.last ?? 0))"
        + "\(validationText); at the pace it was slowing, it would fall about "
        + "\(format(remaining)) more. Training stopped before the model learned what it can.",
      advice: [.trainLonger(epochs: more)])
  }

  private mutating func underfitting() -> Diagnosis.Finding? {
    let end = train.endLevel
    let high = excess(end)
    let limit = settings.reference?.chanceAccuracy == nil ? 0.25 : 0.35
    note(
      .underfitting, "training loss at the end, from floor (0) to chance (1)", high,
      "> \(format(limit))", high > limit)
    var close = true
    var validationText = ""
    if let validation {
      let gap = abs(validation.endLevel - end) / max(end, 1e-12)
      close = gap <= 0.3
      validationText = " and validation \(format(validation.endLevel))"
      note(
        .underfitting, "gap between the losses at the end, relative to training", gap * 100, "≤ 30",
        close, unit: "%")
    }
    guard high > limit, close else { return nil }
    var advice: [Advice] = []
    let widths = settings.shape?.hidden ?? []
    let small = widths.isEmpty || (widths.min() ?? 0) < 4
    if !small { advice.append(.trainLonger(epochs: max(settings.epochs, train.epochs) * 2)) }
    advice.append(.hiddenLayers(widths.isEmpty ? [16, 16] : widths.map { max(2 * $0, 16) }))
    if settings.weightDecay > 0 { advice.append(.weightDecay(settings.weightDecay / 10)) }
    if settings.dropout > 0 { advice.append(.dropout(0)) }
    return .init(
      verdict: .underfitting,
      explanation: "both losses ended high and close together: training \(placed(end))"
        + "\(validationText). "
        + (small
          ? "The model is too simple for this data: more epochs will not help, more capacity "
            + "will."
          : "Either the model is too small for this data or it has not trained long enough; "
            + "a longer run tells which."),
      advice: advice)
  }

  private mutating func noise() -> Diagnosis.Finding? {
    let curve = validation ?? train
    let jitter = curve.jitter
    let level = curve.endLevel
    let relative = jitter.meanRise / max(level, 1e-12)
    let absolute = jitter.meanRise / (scale - floor)
    let holds = jitter.risingShare >= 0.35 && relative >= 0.04 && absolute >= 0.05
    let which = validation == nil ? "training" : "validation"
    note(
      .noisy, "share of epochs the \(which) loss rose", jitter.risingShare * 100, "≥ 35",
      jitter.risingShare >= 0.35, unit: "%")
    note(
      .noisy, "mean rise relative to its level", relative * 100, "≥ 4", relative >= 0.04, unit: "%")
    note(
      .noisy, "mean rise relative to the span from floor to chance", absolute * 100, "≥ 5",
      absolute >= 0.05, unit: "%")
    guard holds else { return nil }
    var advice: [Advice] = []
    let larger = min(settings.batch * 4, settings.samples ?? settings.batch * 4)
    if larger > settings.batch { advice.append(.batchSize(larger)) }
    if !settings.hasSchedule { advice.append(.schedule) }
    advice.append(.learningRate(settings.rate / 3))
    return .init(
      verdict: .noisy,
      explanation: "the \(which) loss went up on \(format(jitter.risingShare * 100))% of epochs, "
        + "by \(format(jitter.meanRise)) on average (\(format(relative * 100))% of its level), "
        + "with no trend to read. Steps of batch \(settings.batch) at learning rate "
        + "\(format(settings.rate)) are too jumpy.",
      advice: advice)
  }

  private func goodFit() -> Diagnosis.Finding {
    let validationText = validation.map { ", validation \(format($0.endLevel))" } ?? ""
    return .init(
      verdict: .goodFit,
      explanation: "the training loss fell from \(format(train.values[0])) to "
        + "\(placed(train.endLevel))\(validationText), with no sign of instability, overfitting "
        + "or underfitting.",
      advice: [])
  }

  /// The rate below which `optimizer` is slow on learner-sized problems: a tenth of its usual
  /// range's low end (SGD 0.01 to 1, adaptive optimizers 0.0003 to 0.03).
  private static func smallRate(for optimizer: String) -> Double {
    optimizer == "sgd" ? 0.001 : 0.00003
  }

  /// What to do about a loss that was not finite for a cause the learning rate does not explain,
  /// or nil when a smaller rate is the advice.
  private static func advice(for cause: NonFiniteCause) -> (String, [Advice])? {
    switch cause {
    case .nonFiniteInputs:
      (
        "The data holds NaN or infinite values, and no learning rate fixes that: clean or impute "
          + "them before training.", [.cleanData]
      )
    case .overflow:
      (
        "The inputs are so large that the forward pass overflows before any step: put the "
          + "features on a common scale.", [.standardize]
      )
    case .brokenWeights:
      (
        "The weights were broken before this run began (an earlier run diverged): build the "
          + "model again rather than changing the learning rate.", [.rebuildModel]
      )
    case .largeRate: nil
    }
  }
}
