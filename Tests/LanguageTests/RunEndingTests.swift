import Language
import Learning
import Testing

/// A fit at the prompt ends with the status and message of `RunRecord.ending`, as a fit through
/// the library does (`RunRecordingTests`), and prints the message after `stopped:`. (Ctrl-C:
/// `TrainingBuiltinTests.ctrlCStopsAfterTheStepAndKeepsAPartialRun`.)
struct RunEndingTests {
  /// The status, message and printed text of the run `source` assigns to `run`.
  func ending(_ source: String, in session: Session = Session()) -> (
    status: String?, message: String?, printed: String
  ) {
    let printed = text(runClean(source, in: session))
    return (
      evaluatedString("run.status", in: session), evaluatedString("run.message", in: session),
      printed
    )
  }

  static let moons = """
    data = moons(n: 200, noise: 0.2, seed: 1)
    train, val = split(data, [0.8, 0.2], seed: 1)
    """

  @Test func allEpochsFinish() {
    let run = ending(Self.moons + "\nrun = fit(mlp(inputs: 2, seed: 1), train, epochs: 2, seed: 1)")
    #expect(run.status == RunStatus.finished.rawValue && run.message == nil)
    #expect(!run.printed.contains("stopped:"))
  }

  @Test func earlyStoppingStopsEarlyAndSaysAfterWhichEpoch() {
    let run = ending(
      Self.moons + "\n" + """
        run = fit(mlp(inputs: 2, seed: 1), train, validation: val, optimizer: adam(lr: 0.05), \
        epochs: 300, callbacks: [early_stopping(patience: 3)], seed: 1)
        """)
    #expect(run.status == RunStatus.stoppedEarly.rawValue)
    let words = run.message?.split(whereSeparator: { " ;,".contains($0) }) ?? []
    let epoch = words.count > 4 ? Int(words[4]) ?? 0 : 0
    let restored = words.count > 12 ? Int(words[12]) ?? 0 : 0
    #expect(epoch > 3 && epoch < 300 && restored < epoch)
    #expect(
      run.message
        == RunRecord.ending(.earlyStopping(epoch: epoch), restoredEpoch: restored).message)
    #expect(run.printed.contains("stopped: early stopping after epoch \(epoch)"))
  }

  @Test func aNonFiniteLossDivergesWithTheExplanation() {
    let run = ending(
      """
      line = linear(n: 100, weights: [2, -1], bias: 0.5, seed: 1)
      run = fit(mlp(inputs: 2, hidden: [16], seed: 1), line, optimizer: sgd(lr: 10), epochs: 10, \
      seed: 1)
      """)
    #expect(run.status == RunStatus.diverged.rawValue)
    #expect(run.message?.hasPrefix("loss became infinite at epoch 4, step 2") == true)
    #expect(run.printed.contains("stopped: loss became infinite at epoch 4, step 2"))
  }
}
