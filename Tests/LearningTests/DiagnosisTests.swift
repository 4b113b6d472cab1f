import Datasets
import Foundation
import Learning
import Testing

/// `Diagnosis` on curves made by hand that show one behaviour plainly, against reference levels
/// given directly: the verdict, the run's numbers in the words, the advice as data. The labelled
/// corpus of real runs is in the language's tests (`DiagnosisCorpusTests`).
struct DiagnosisTests {
  /// Two balanced classes: chance loss ln 2.
  static let balanced = ReferenceLevels(chanceLoss: log(2), chanceAccuracy: 0.5)

  /// The settings of a run of `sgd(lr:)` on a model with `hidden` widths, with early stopping
  /// of `patience` if given.
  static func settings(
    lr: Double, batch: Int, epochs: Int, hidden: [Int] = [16], patience: Int? = nil
  ) -> RunSettings {
    let data = Dataset(
      name: "d", features: (0..<100).map(Float.init), featureCount: 1,
      targets: (0..<100).map { Float($0 % 2) }, task: .binary,
      classNames: ["a", "b"], provenance: .file(path: "d.csv"))
    let callbacks = patience.map {
      [
        RunComponent(
          "early_stopping", ["patience": .number(Double($0)), "restore_best": .flag(true)])
      ]
    }
    return RunSettings(
      model: .init(layers: "", inputs: 2, hidden: hidden, outputs: 1, parameters: 0),
      loss: RunComponent("bce"), optimizer: RunComponent("sgd", ["lr": .number(lr)]),
      epochs: epochs, batchSize: batch, callbacks: callbacks ?? [],
      data: RunData(data, variable: "train"), version: "test")
  }

  func run(
    loss: [Double], validation: [Double]? = nil, lr: Double = 0.01, batch: Int = 32,
    status: RunStatus = .finished, message: String? = nil, hidden: [Int] = [16],
    patience: Int? = nil, reference: ReferenceLevels? = balanced
  ) -> RunRecord {
    var history = ["loss": loss, "lr": loss.map { _ in lr }]
    if let validation { history["val_loss"] = validation }
    return RunRecord(
      id: "1", name: "test", created: Date(timeIntervalSince1970: 0),
      settings: Self.settings(
        lr: lr, batch: batch, epochs: loss.count, hidden: hidden, patience: patience),
      history: history, status: status, message: message, reference: reference)
  }

  /// A validation curve falling by 0.04 an epoch from 0.7 to its low at epoch `low`, then
  /// rising by `rise` an epoch.
  static func turning(at low: Int, epochs: Int, rise: Double) -> [Double] {
    (0..<epochs).map { epoch -> Double in
      let x = Double(epoch)
      let turn = Double(low - 1)
      return epoch < low ? 0.7 - 0.04 * x : 0.7 - 0.04 * turn + rise * (x - turn)
    }
  }

  @Test func nanIsDivergenceWithASmallerRate() {
    let diagnosis = Diagnosis(of: run(loss: [0.7, 3.5, .nan], lr: 1))
    #expect(diagnosis.verdict == .diverged)
    #expect(diagnosis.findings[0].explanation.contains("at epoch 3"))
    #expect(diagnosis.findings[0].advice.first == .learningRate(0.1))
  }

  /// A NaN run whose stop message blames the data or the weights is not advised a smaller rate.
  @Test func nanFromTheDataOrTheWeightsFollowsTheStopMessage() {
    let place = "loss became NaN at epoch 1, step 1"
    let cases: [(message: String, advice: [Advice])] = [
      ("\(place): the batch contains NaN or infinite inputs; clean the data", [.cleanData]),
      ("\(place), before any update of this run: the forward pass overflows", [.standardize]),
      ("\(place): the model's weights are already broken (NaN or huge)", [.rebuildModel]),
    ]
    for (message, advice) in cases {
      let diagnosis = Diagnosis(of: run(loss: [0.7, .nan], status: .diverged, message: message))
      #expect(diagnosis.verdict == .diverged)
      #expect(diagnosis.findings[0].explanation.hasPrefix(message + ". "))
      #expect(diagnosis.findings[0].advice == advice)
    }
  }

  /// The bouncing run: 1.36, 0.74, 1.17, 0.72, 0.98 at rate 10 is unstable (a jump to
  /// 1.58× the best so far, ending above chance), and is advised a smaller rate only.
  @Test func bouncingAboveChanceIsUnstableAndNeverAdvisedALargerRate() {
    let diagnosis = Diagnosis(of: run(loss: [1.36, 0.74, 1.17, 0.72, 0.98], lr: 10))
    #expect(diagnosis.verdict == .unstable)
    #expect(diagnosis.findings[0].explanation.contains("jumped to 1.17 at epoch 3, 1.581×"))
    #expect(diagnosis.findings[0].advice == [.learningRate(1), .clipGradients(norm: 1)])
  }

  @Test func validationTurningUpIsOverfittingAtItsEpoch() {
    let train = (0..<40).map { 0.7 * exp(-Double($0) / 8) }
    let validation = Self.turning(at: 10, epochs: 40, rise: 0.01)
    let diagnosis = Diagnosis(of: run(loss: train, validation: validation))
    #expect(diagnosis.verdict == .overfitting)
    #expect(
      diagnosis.findings[0].explanation.hasPrefix(
        "validation loss was lowest at epoch 10 (0.34) and rose to 0.64 by epoch 40"))
    #expect(diagnosis.findings[0].advice.contains(.earlyStopping(patience: 5)))
  }

  /// Early stopping that already fired is not advised again; regularisation and data are.
  @Test func overfittingThatEarlyStoppingCaughtIsNotAdvisedEarlyStopping() {
    let train = (0..<20).map { 0.7 * exp(-Double($0) / 5) }
    let validation = Self.turning(at: 10, epochs: 20, rise: 0.03)
    let diagnosis = Diagnosis(
      of: run(
        loss: train, validation: validation, status: .stoppedEarly,
        message: "early stopping after epoch 20", patience: 10))
    #expect(diagnosis.verdict == .overfitting)
    #expect(diagnosis.findings[0].explanation.contains("restored the weights of epoch 10"))
    #expect(
      !diagnosis.findings[0].advice.contains { if case .earlyStopping = $0 { true } else { false } }
    )
    #expect(diagnosis.findings[0].advice.contains(.moreData))
  }

  /// A validation loss that levelled off without rising, far above a training loss driven near
  /// zero, is overfitting too: the gap, not a rise, tells it (lesson 12's memorising model).
  @Test func aFlatValidationFarAboveANearZeroTrainingLossIsOverfitting() {
    let train = (0..<60).map { 0.7 * exp(-Double($0) / 6) + 0.0002 }
    let validation = (0..<60).map { 0.4 + 0.3 * exp(-Double($0) / 6) }
    let diagnosis = Diagnosis(of: run(loss: train, validation: validation))
    #expect(diagnosis.verdict == .overfitting)
    #expect(diagnosis.findings[0].explanation.contains("but validation stayed at 0.4"))
    #expect(
      !diagnosis.findings[0].advice.contains { if case .earlyStopping = $0 { true } else { false } }
    )
    // The same validation curve over a training loss that stays near it is no gap.
    let close = Diagnosis(of: run(loss: validation.map { $0 - 0.05 }, validation: validation))
    #expect(close.verdict != .overfitting)
  }

  @Test func slowSteadyFallAtASmallRateIsBarelyMoving() {
    let loss = (0..<20).map { 0.69 - 0.001 * Double($0) }
    let diagnosis = Diagnosis(of: run(loss: loss, lr: 0.0001))
    #expect(diagnosis.verdict == .barelyMoving)
    #expect(diagnosis.findings[0].advice.first == .learningRate(0.001))
  }

  /// The same curve at an ordinary rate is not blamed on the rate.
  @Test func slowFallAtAnOrdinaryRateIsNotBarelyMoving() {
    let loss = (0..<20).map { 0.69 - 0.001 * Double($0) }
    #expect(Diagnosis(of: run(loss: loss, lr: 0.1)).verdict != .barelyMoving)
  }

  @Test func flatHighLossOfATinyModelIsUnderfittingAndOfALargeOneAPlateau() {
    let loss = (0..<100).map { 0.38 + 0.3 * exp(-Double($0) / 5) }
    #expect(Diagnosis(of: run(loss: loss, hidden: [2])).verdict == .underfitting)
    let stuck = Diagnosis(of: run(loss: loss, hidden: [16]))
    #expect(stuck.verdict == .plateau)
    #expect(stuck.findings[0].advice.contains(.anotherSeed))
  }

  /// The line on a sine: a loss 20× the noise floor is underfitting, and the words say so.
  @Test func aLossFarAboveTheNoiseFloorIsUnderfitting() {
    let loss = (0..<100).map { 0.21 + 0.3 * exp(-Double($0) / 5) }
    let reference = ReferenceLevels(chanceLoss: 0.5, noiseFloor: 0.01, noise: 0.1)
    let diagnosis = Diagnosis(
      of: run(
        loss: loss, validation: loss.map { $0 + 0.01 },
        hidden: [], reference: reference))
    #expect(diagnosis.verdict == .underfitting)
    #expect(diagnosis.findings[0].explanation.contains("× the noise floor 0.01 this data allows"))
    #expect(diagnosis.findings[0].advice.first == .hiddenLayers([16, 16]))
  }

  @Test func aClearFallAtTheEndIsStillImproving() {
    let loss = (0..<15).map { 0.6 - 0.02 * Double($0) }
    let diagnosis = Diagnosis(of: run(loss: loss, validation: loss))
    #expect(diagnosis.verdict == .stillImproving)
    #expect(diagnosis.findings[0].advice == [.trainLonger(epochs: 15)])
  }

  @Test func jaggedValidationIsNoisy() {
    let train = (0..<31).map { 0.1 + 0.5 * exp(-Double($0) / 3) }
    let validation = (0..<31).map { 0.15 + ($0 % 2 == 0 ? 0.0 : 0.1) }
    let diagnosis = Diagnosis(of: run(loss: train, validation: validation, lr: 0.5, batch: 4))
    #expect(diagnosis.verdict == .noisy)
    #expect(diagnosis.findings[0].advice.first == .batchSize(16))
  }

  @Test func convergedLowCurvesAreAGoodFitWithNoAdvice() {
    let loss = (0..<30).map { 0.05 + 0.6 * exp(-Double($0) / 3) }
    let diagnosis = Diagnosis(of: run(loss: loss, validation: loss.map { $0 + 0.02 }))
    #expect(diagnosis.verdict == .goodFit)
    #expect(diagnosis.findings[0].advice.isEmpty)
  }

  @Test func oneEpochIsTooShort() {
    #expect(Diagnosis(of: run(loss: [0.7])).verdict == .tooShort)
  }

  /// Each rule lists the numbers it read, so a learner can check them against the curve.
  @Test func theEvidenceNamesEachRulesNumbers() {
    let diagnosis = Diagnosis(of: run(loss: [1.36, 0.74, 1.17, 0.72, 0.98], lr: 10))
    let unstable = diagnosis.evidence.filter { $0.verdict == .unstable }
    #expect(unstable.first?.value == "1.581×")
    #expect(unstable.first?.holds == true)
    #expect(Set(diagnosis.evidence.map(\.verdict)).count >= 6)
  }

  /// Chance loss is the entropy of the training class frequencies (computed here by hand for
  /// 3 of class 0 and 1 of class 1), chance accuracy the larger share; regression's is the
  /// targets' variance, and a generator's noise σ gives the floor σ².
  @Test func referenceLevelsComeFromTheTrainingData() throws {
    let classes = Dataset(
      name: "c", features: [0, 1, 2, 3], featureCount: 1, targets: [0, 0, 0, 1],
      featureNames: ["x"], task: .binary, classNames: ["a", "b"],
      provenance: .file(path: "c.csv"))
    let levels = ReferenceLevels(data: classes, loss: .binaryCrossEntropy)
    #expect(abs(levels.chanceLoss - (-(0.75 * log(0.75) + 0.25 * log(0.25)))) < 1e-12)
    #expect(levels.chanceAccuracy == 0.75)
    #expect(levels.noiseFloor == nil)
    let sine = try Dataset.sine(count: 50, noise: 0.3, seed: 1)
    let regression = ReferenceLevels(data: sine, loss: .meanSquaredError)
    let targets = sine.targets.map(Double.init)
    let mean = targets.reduce(0, +) / 50
    let variance = targets.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 50
    #expect(abs(regression.chanceLoss - variance) < 1e-9)
    #expect(abs((regression.noiseFloor ?? 0) - 0.09) < 1e-12)
    #expect(regression.chanceAccuracy == nil)
  }
}
