import Language
import Testing

/// Arguments that only mean something beside another setting are refused, by name, when given
/// without it; left to their defaults they pass.
@Suite struct GivenArgumentRefusalTests {
  @Test func checkpointSettingsThatDoNotFitItsKindAreRefused() throws {
    try withSessionInTemporaryFolder { session, _ in
      #expect(
        firstDiagnostic(
          "checkpoint(\"s.safetensors\", state: true, best_only: false)", in: session)?
          .contains("`best_only` chooses which weights to keep") == true)
      #expect(
        firstDiagnostic(
          "checkpoint(\"s.safetensors\", state: true, monitor: \"loss\")", in: session)?
          .contains("`monitor` chooses which weights to keep") == true)
      #expect(
        firstDiagnostic("checkpoint(\"w.safetensors\", keep: 2)", in: session)?
          .contains("`keep` counts saves of the training state") == true)
      #expect(
        firstDiagnostic("checkpoint(\"w.safetensors\", every: 2)", in: session)?
          .contains("`every` is for saves of the training state") == true)
      #expect(
        firstDiagnostic("checkpoint(\"s.safetensors\", state: true, keep: 2)", in: session) == nil)
    }
  }

  @Test func groupSettingsAreRefusedForAListOfRuns() {
    let session = Session()
    _ = session.run(
      "fit(mlp(inputs: 2, hidden: [4], seed: 1), moons(n: 20, seed: 1), epochs: 1, seed: 1)",
      origin: nil)
    #expect(
      firstDiagnostic("compare(runs(), metric: \"loss\")", in: session)?
        .contains("`metric` compares groups of runs over seeds, not a list of runs") == true)
    #expect(firstDiagnostic("compare(runs())", in: session) == nil)
  }
}
