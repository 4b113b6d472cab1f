import Datasets
import Foundation
import Learning
import TestSupport
import Testing

/// Cross-validation, the learning-rate finder and the test-set ledger.
@Suite struct CrossValidationTests {
  /// Mean and population standard deviation of 1, 2, 3, 4: 2.5 and √1.25.
  @Test func meanAndDeviationByHand() {
    let result = CrossValidationResult(folds: [1, 2, 3, 4].map { ["loss": $0, "accuracy": 0.5] })
    expectClose(result.mean["loss"] ?? .nan, 2.5)
    expectClose(result.standardDeviation["loss"] ?? .nan, 1.25.squareRoot())
    expectClose(result.standardDeviation["accuracy"] ?? .nan, 0)
  }

  /// Every fold trains a fresh model on samples disjoint from the ones it is scored on, and the
  /// held-out folds cover the data once.
  @Test func foldsAreDisjointAndModelsFresh() throws {
    let data = try Dataset.moons(count: 90, noise: 0.2, seed: 2)
    // The models themselves are kept, so a freed model's address cannot be reused by the next.
    nonisolated(unsafe) var built: [Sequential] = []
    let result = try crossValidate(
      data, folds: 3, loss: .binaryCrossEntropy,
      options: FitOptions(epochs: 2, metrics: [.accuracy]),
      makeModel: { fold in
        let model = try Sequential.mlp(inputs: 2, hidden: [8], outputs: 1, seed: UInt64(fold))
        built.append(model)
        return model
      },
      makeOptimizer: { _ in Optimizer(Adam(), learningRate: 0.01) })
    #expect(Set(built.map(ObjectIdentifier.init)).count == 3)
    #expect(result.folds.count == 3 && result.folds.allSatisfy { $0["accuracy"] != nil })
    for split in result.splits {
      #expect(Set(split.train).isDisjoint(with: split.validation))
      #expect(Set(split.train).union(split.validation) == Set(0..<90))
    }
    let heldOut = result.splits.flatMap(\.validation)
    #expect(heldOut.count == 90 && Set(heldOut).count == 90)
    let losses = result.folds.compactMap { $0["loss"] }
    expectClose(result.mean["loss"] ?? .nan, losses.reduce(0, +) / 3)
  }

  /// The range test raises the rate exponentially, stops when the loss diverges, suggests a rate
  /// inside the range, and leaves the weights and optimizer as they were.
  @Test func learningRateFinderRestoresTheModel() throws {
    let data = try Dataset.moons(count: 200, noise: 0.2, seed: 1)
    let model = try Sequential.mlp(inputs: 2, hidden: [16, 16], outputs: 1, seed: 1)
    let optimizer = Optimizer(SGD(momentum: 0.9), learningRate: 0.01)
    let before = model.stateDict()
    let result = try findLearningRate(
      model: model, loss: .binaryCrossEntropy, optimizer: optimizer, data: data, start: 1e-5,
      end: 1e3, steps: 200)
    #expect(model.stateDict() == before)
    #expect(optimizer.learningRate == 0.01 && optimizer.steps(of: model.parameters[0]) == 0)
    #expect(result.rates.count < 200)
    expectClose(result.rates[1] / result.rates[0], pow(1e8, 1.0 / 199), rtol: 1e-9)
    let suggestion = try #require(result.suggestion)
    #expect(suggestion > 1e-5 && suggestion < (result.rates.last ?? 0))
  }

  /// The suggestion comes from where the loss really falls, not from the first steps, where the
  /// smoothed loss is still the noise of a few batches (which once suggested 2.5e-7 here).
  @Test func learningRateFinderIgnoresTheNoisyStart() throws {
    let data = try Dataset.moons(count: 300, noise: 0.2, seed: 2)
    for optimizer in [Optimizer(SGD(), learningRate: 0.01), Optimizer(Adam())] {
      let model = try Sequential.mlp(inputs: 2, hidden: [16], outputs: 1, seed: 1)
      let result = try findLearningRate(
        model: model, loss: .binaryCrossEntropy, optimizer: optimizer, data: data, seed: 1)
      let suggestion = try #require(result.suggestion)
      #expect(suggestion > 1e-4 && suggestion < 10, "\(optimizer.rule.name): \(suggestion)")
    }
  }

  /// A cancelled range test (Ctrl-C) stops at once with the curve so far and the model as it
  /// was, however many steps were asked for.
  @Test func learningRateFinderStopsWhenCancelled() throws {
    let data = try Dataset.moons(count: 200, noise: 0.2, seed: 1)
    let model = try Sequential.mlp(inputs: 2, hidden: [16], outputs: 1, seed: 1)
    let before = model.stateDict()
    var polls = 0
    let result = try findLearningRate(
      model: model, loss: .binaryCrossEntropy, optimizer: Optimizer(SGD(), learningRate: 0.01),
      data: data,
      start: 1e-7, end: 1e-6, steps: 1_000_000,
      isCancelled: {
        polls += 1
        return polls > 5
      })
    #expect(result.rates.count == 5)
    #expect(model.stateDict() == before)
  }

  /// The first look at the test data is silent; a second look after more training warns; a
  /// second look without training in between does not.
  @Test func testSetLedgerWarnsOnRepeatAfterTraining() throws {
    let split = try Dataset.moons(count: 100, seed: 3).split(train: 0.6, validation: 0.2)
    #expect(TestSetLedger.isTestSplit(split.test) && !TestSetLedger.isTestSplit(split.train))
    let ledger = TestSetLedger()
    let model = try Sequential.mlp(inputs: 2, hidden: [8], outputs: 1)
    #expect(ledger.recordEvaluation(of: model, on: split.test) == nil)
    #expect(ledger.recordEvaluation(of: model, on: split.test) == nil)
    try Trainer(
      model: model, loss: .binaryCrossEntropy, optimizer: Optimizer(Adam()),
      options: FitOptions(epochs: 1)
    )
    .fit(split.train)
    let warning = try #require(ledger.recordEvaluation(of: model, on: split.test))
    #expect(warning.hasPrefix("this is evaluation 3 on the test data"))
    #expect(ledger.recordEvaluation(of: model, on: split.validation) == nil)
  }
}
