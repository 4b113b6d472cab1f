import Language
import Testing

/// `diagnose` on small seeded fits that really show each behaviour: the verdict and the run's
/// own numbers in its words.
struct DiagnoseRealRunsTests {
  static let moons = """
    data = moons(n: 400, noise: 0.2, seed: 1)
    train, val = split(data, [0.8, 0.2], seed: 1)
    """

  /// The text `diagnose` prints for the run `fit` makes in `source` (assigned to `run`).
  func diagnosis(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
    let session = Session()
    runClean(source, in: session, sourceLocation: sourceLocation)
    return text(runClean("diagnose(run)", in: session, sourceLocation: sourceLocation))
  }

  @Test func aModerateRunIsAGoodFit() {
    let text = diagnosis(
      Self.moons + "\n" + """
        run = fit(mlp(inputs: 2, hidden: [16], seed: 1), train, validation: val, optimizer: adam(lr: 0.01), epochs: 60, seed: 1)
        """)
    #expect(text.hasPrefix("good fit: the training loss fell 81.02% to 0.111"))
  }

  @Test func aBigNetOnFewNoisySamplesOverfits() {
    let text = diagnosis(
      """
      small = moons(n: 60, noise: 0.35, seed: 2)
      train, val = split(small, [0.5, 0.5], seed: 2)
      run = fit(mlp(inputs: 2, hidden: [128, 128], seed: 1), train, validation: val, optimizer: adam(lr: 0.003), epochs: 300, batch: 8, seed: 1)
      """)
    #expect(text.hasPrefix("overfitting: validation loss was lowest at epoch 2 (0.2483) and rose"))
    #expect(text.contains("  callbacks: [early_stopping(patience: 5)]"))
  }

  @Test func aHugeRateDiverges() {
    let text = diagnosis(
      """
      line = linear(n: 100, weights: [2, -1], bias: 0.5, seed: 1)
      run = fit(mlp(inputs: 2, hidden: [16], seed: 1), line, optimizer: sgd(lr: 10), epochs: 10, seed: 1)
      """)
    // The run keeps epoch 4, where the loss broke, as its last (infinite) row.
    #expect(
      text.hasPrefix(
        "diverged: the loss became NaN or infinite at epoch 4 (loss became infinite at epoch 4, "
          + "step 2"))
    #expect(text.contains("try:\n  optimizer: sgd(lr: 1)\n"))
  }

  @Test func aTinyRateBarelyMoves() {
    let text = diagnosis(
      Self.moons + "\n" + """
        run = fit(mlp(inputs: 2, hidden: [16], seed: 1), train, validation: val, optimizer: sgd(lr: 0.0001), epochs: 20, seed: 1)
        """)
    #expect(text.hasPrefix("barely moving: the training loss fell only 0.7232% in 20 epochs"))
    #expect(text.contains("  optimizer: sgd(lr: 0.001)"))
  }

  @Test func aLinearModelOnCirclesUnderfits() {
    let text = diagnosis(
      """
      ring = circles(n: 300, noise: 0.05, seed: 1)
      train, val = split(ring, [0.8, 0.2], seed: 1)
      run = fit(mlp(inputs: 2, hidden: [], seed: 1), train, validation: val, optimizer: adam(lr: 0.01), epochs: 40, seed: 1)
      """)
    #expect(
      text.hasPrefix("underfitting: the training loss flattened at 0.6893 (validation 0.7198)"))
  }

  @Test func batchOneAtAHighRateIsNoisy() {
    let text = diagnosis(
      Self.moons + "\n" + """
        run = fit(mlp(inputs: 2, hidden: [32], seed: 1), train, validation: val, optimizer: sgd(lr: 1), epochs: 30, batch: 1, seed: 1)
        """)
    // The exact share is chaotic at lr 1.
    #expect(text.hasPrefix("noisy: the validation loss went up on "))
    #expect(text.hasSuffix("try:\n  batch: 4\n  optimizer: sgd(lr: 0.1)"))
  }
}
