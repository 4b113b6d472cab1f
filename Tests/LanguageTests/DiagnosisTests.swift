import Datasets
import Foundation
import Learning
import Testing

/// Each verdict of `Diagnosis` on made-up curves that show it plainly, with the run's numbers in
/// the explanation and typeable code in the suggestions.
struct DiagnosisTests {
  func run(
    loss: [Double], validation: [Double]? = nil, lr: Double = 0.01, batch: Int = 32,
    status: RunStatus = .finished, message: String? = nil
  ) -> RunRecord {
    var history = ["loss": loss, "lr": loss.map { _ in lr }]
    if let validation { history["val_loss"] = validation }
    let settings = RunSettings(
      model: RunSettings.Model(layers: "Linear(2→1)", inputs: 2, outputs: 1, parameters: 3),
      loss: RunComponent("bce"), optimizer: RunComponent("sgd", ["lr": .number(lr)]),
      epochs: loss.count, batchSize: batch,
      data: RunData(
        Dataset(
          name: "d", features: [0, 1], featureCount: 1, targets: [0, 1], task: .binary,
          provenance: .bundled(name: "d"))), version: "test")
    return RunRecord(
      id: "1", name: "test", created: Date(timeIntervalSince1970: 0), settings: settings,
      history: history, status: status, message: message)
  }

  @Test func nanIsDivergenceWithASmallerRate() {
    let diagnosis = Diagnosis(of: run(loss: [0.7, 3.5, .nan], lr: 1))
    #expect(diagnosis.verdict == .diverged)
    #expect(diagnosis.explanation.contains("at epoch 3"))
    #expect(diagnosis.explanation.contains("learning rate 1 is too large"))
    #expect(diagnosis.suggestions.first == "optimizer: sgd(lr: 0.1)")
  }

  /// A NaN run whose stop message blames the data or the weights is not advised a smaller rate.
  @Test func nanFromTheDataOrTheWeightsFollowsTheStopMessage() {
    let place = "loss became NaN at epoch 1, step 1"
    let cases: [(message: String, says: String, suggestions: [String])] = [
      (
        "\(place): the batch contains NaN or infinite inputs; clean or impute the data before "
          + "training", "The data holds NaN or infinite values", []
      ),
      (
        "\(place), before any update of this run: the forward pass overflows, with inputs up to "
          + "3e+38 and weights up to 0.9; standardize the data (or build the model again)",
        "put the features on a common scale", ["train, val = standardize(train, val)"]
      ),
      (
        "\(place), before any update of this run: the model's weights are already broken (NaN "
          + "or huge), most likely by an earlier run that diverged; build the model again",
        "build the model again rather than changing the learning rate",
        ["net = mlp(inputs: …, hidden: […], outputs: …)"]
      ),
    ]
    for (message, says, suggestions) in cases {
      for loss in [[], [0.7, .nan]] {
        let diagnosis = Diagnosis(of: run(loss: loss, status: .diverged, message: message))
        #expect(diagnosis.verdict == .diverged)
        #expect(diagnosis.explanation.hasPrefix(message + ". "))
        #expect(diagnosis.explanation.contains(says))
        #expect(diagnosis.suggestions == suggestions)
      }
    }
    let rate = Diagnosis(
      of: run(
        loss: [0.7, .nan], lr: 1, status: .diverged,
        message: "\(place): the learning rate 1 is likely too large; try 0.1"))
    #expect(rate.suggestions.first == "optimizer: sgd(lr: 0.1)")
  }

  @Test func risingTrainingLossIsDivergence() {
    let diagnosis = Diagnosis(of: run(loss: [0.7, 0.9, 1.4, 2.1], lr: 0.5))
    #expect(diagnosis.verdict == .diverged)
    #expect(diagnosis.explanation.contains("rose from 0.7 at epoch 1 to 2.1 at epoch 4"))
  }

  @Test func validationTurningUpIsOverfittingAtItsEpoch() {
    let train = (0..<40).map { 0.7 * exp(-Double($0) / 8) }
    let validation: [Double] = (0..<40).map { (epoch: Int) -> Double in
      let x = Double(epoch)
      return epoch < 10 ? 0.7 - 0.04 * x : 0.34 + 0.01 * (x - 9)
    }
    let diagnosis = Diagnosis(of: run(loss: train, validation: validation))
    #expect(diagnosis.verdict == .overfitting)
    #expect(
      diagnosis.explanation.hasPrefix(
        "validation loss was lowest at epoch 10 (0.34) and rose to 0.64 by epoch 40 (+88.24%)"))
    #expect(diagnosis.suggestions.contains("callbacks: [early_stopping(patience: 5)]"))
    #expect(diagnosis.suggestions.contains("epochs: 10"))
  }

  @Test func jaggedValidationIsNoisy() {
    let train = (0..<31).map { 0.7 - 0.01 * Double($0) }
    let validation = (0..<31).map { 0.5 + ($0 % 2 == 0 ? 0.0 : 0.1) }
    let diagnosis = Diagnosis(of: run(loss: train, validation: validation, lr: 0.5, batch: 4))
    #expect(diagnosis.verdict == .noisy)
    #expect(diagnosis.explanation.contains("batch 4 at learning rate 0.5"))
    #expect(diagnosis.suggestions == ["batch: 16", "optimizer: sgd(lr: 0.05)"])
  }

  @Test func slowSteadyFallIsBarelyMoving() {
    let loss = (0..<20).map { 0.7 - 0.001 * Double($0) }
    let diagnosis = Diagnosis(of: run(loss: loss, lr: 0.0001))
    #expect(diagnosis.verdict == .barelyMoving)
    #expect(diagnosis.explanation.contains("fell only 2.714% in 20 epochs"))
    #expect(diagnosis.suggestions.first == "optimizer: sgd(lr: 0.001)")
  }

  @Test func flatHighLossIsUnderfitting() {
    let loss = [0.70, 0.695, 0.694] + Array(repeating: 0.693, count: 17)
    let diagnosis = Diagnosis(of: run(loss: loss, validation: loss))
    #expect(diagnosis.verdict == .underfitting)
    #expect(diagnosis.explanation.contains("flattened at 0.693"))
  }

  @Test func stillFallingAtTheEndIsUnderfitting() {
    let loss = (0..<10).map { 0.7 - 0.06 * Double($0) }
    let diagnosis = Diagnosis(of: run(loss: loss))
    #expect(diagnosis.verdict == .underfitting)
    #expect(diagnosis.explanation.contains("still falling at the end"))
    #expect(diagnosis.suggestions.first == "epochs: 30")
  }

  @Test func convergedCurvesAreAGoodFit() {
    let loss = (0..<30).map { 0.1 + 0.6 * exp(-Double($0) / 3) }
    let validation = loss.map { $0 + 0.02 }
    let diagnosis = Diagnosis(of: run(loss: loss, validation: validation))
    #expect(diagnosis.verdict == .goodFit)
    #expect(diagnosis.text.hasPrefix("good fit: the training loss fell"))
  }

  @Test func oneEpochIsTooShort() {
    #expect(Diagnosis(of: run(loss: [0.7])).verdict == .tooShort)
  }
}
