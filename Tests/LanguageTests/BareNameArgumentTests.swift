import Language
import Testing

/// Losses, optimizers, schedules, callbacks and metrics written as bare names mean the same as
/// their calls with defaults (or their quoted names); none is silently ignored.
@Suite struct BareNameArgumentTests {
  static let setup = "data = moons(n: 40, seed: 1)\n"

  /// The final line of a fit written with `arguments`, from a fresh model.
  func finalLine(_ arguments: String) -> String {
    let text = outputs(
      Self.setup + "r = fit(mlp(inputs: 2, hidden: [4], seed: 1), data, epochs: 2, seed: 1, "
        + arguments + ")", in: Session())
    return text.split(separator: "\n").first { $0.hasPrefix("final:") }.map(String.init) ?? text
  }

  @Test func bareMetricNamesAreRecorded() {
    #expect(finalLine("metrics: [accuracy]").contains("accuracy"))
    #expect(finalLine("metrics: [accuracy]") == finalLine("metrics: [\"accuracy\"]"))
  }

  @Test func bareSchedulesLossesAndOptimizersMeanTheirDefaultCalls() {
    #expect(finalLine("schedule: cosine") == finalLine("schedule: cosine()"))
    #expect(finalLine("schedule: cosine") != finalLine(""))
    #expect(finalLine("optimizer: sgd") == finalLine("optimizer: sgd()"))
    #expect(finalLine("loss: bce") == finalLine("loss: bce()"))
  }

  @Test func aValueMadeFromABareNameShowsTheNameAsWritten() {
    let session = Session()
    let fit = "fit(mlp(inputs: 2, hidden: [4], seed: 1), data, epochs: 1, seed: 1, "
    _ = session.run(
      Self.setup + "bare = " + fit + "schedule: cosine, optimizer: sgd)\n"
        + "called = " + fit + "schedule: cosine(), optimizer: sgd())", origin: nil)
    #expect(
      outputs("print(bare.schedule, called.schedule, bare.optimizer)", in: session)
        == "cosine cosine() sgd(lr: 0.01)")
  }

  @Test func aBareCallbackNameAsksForParentheses() {
    let text = outputs(
      Self.setup + "fit(mlp(inputs: 2, seed: 1), data, epochs: 1, callbacks: [checkpoint])",
      in: Session())
    #expect(text.contains("hint: add `()`: a callback is made by calling `checkpoint(…)`"))
  }
}
