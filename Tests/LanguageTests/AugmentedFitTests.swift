import Language
import Testing

/// `augment(data, …)` must change what `fit` trains on, reproducibly.
@Suite struct AugmentedFitTests {
  /// The final validation loss of a seeded fit on `train` (or its augmented copy).
  private func validationLoss(augmented: Bool) throws -> Double {
    let session = Session()
    _ = session.run(
      """
      data = sine(n: 40, noise: 0.1, seed: 1)
      train, val = split(data, [0.5, 0.5], seed: 1)
      used = \(augmented ? "augment(train, noise: 0.3)" : "train")
      run = fit(mlp(inputs: 1, hidden: [16], outputs: 1, seed: 1), used, validation: val, epochs: 20, batch: 4, seed: 1)
      final = run.val_loss
      """, origin: nil)
    guard case .number(let loss) = try #require(session.value(of: "final")) else {
      Issue.record("no validation loss")
      return .nan
    }
    return loss
  }

  @Test func augmentationChangesTrainingAndRepeatsExactly() throws {
    let plain = try validationLoss(augmented: false)
    let augmented = try validationLoss(augmented: true)
    #expect(plain.isFinite && augmented.isFinite)
    #expect(augmented != plain)
    #expect(try validationLoss(augmented: true) == augmented)
  }
}
