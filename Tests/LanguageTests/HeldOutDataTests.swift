import Datasets
import Language
import Testing

/// Data that knows which part of a split it is: `part`, `check_data`'s refusals with their
/// reasons, and `fit`'s one warning when it trains on a validation or test part.
struct HeldOutDataTests {
  static let setup = """
    data = moons(n: 100, noise: 0.2, seed: 1)
    train, val, test = split(data, fractions: [0.6, 0.2, 0.2], seed: 1)
    """

  @Test func partsKeepTheirRoleThroughTransformsAndSubsets() {
    let session = Session()
    _ = session.run(Self.setup, origin: nil)
    #expect(
      outputs("print(train.part, val.part, test.part, data.part)", in: session)
        == "train validation test none")
    _ = session.run("s_train, s_val = standardize(train, val)", origin: nil)
    #expect(
      outputs("print(s_train.part, s_val.part, take(test, n: 5, seed: 1).part)", in: session)
        == "train validation test")
    _ = session.run("fold = kfold(data, k: 4, seed: 1)[0]", origin: nil)
    #expect(outputs("print(fold[0].part, fold[1].part)", in: session) == "train validation")
  }

  @Test(arguments: [
    ("fit(mlp(inputs: 2, seed: 1), val, epochs: 1, seed: 1)", "trains on moons validation"),
    ("fit(mlp(inputs: 2, seed: 1), test, epochs: 1, seed: 1)", "trains on moons test"),
    (
      "fit(mlp(inputs: 2, seed: 1), train, validation: train, epochs: 1, seed: 1)",
      "every sample of moons train is also in moons train"
    ),
    (
      "fit(mlp(inputs: 2, seed: 1), data, validation: val, epochs: 1, seed: 1)",
      "every sample of moons validation is also in moons"
    ),
    (
      "fit(mlp(inputs: 2, seed: 1), val, validation: train, epochs: 1, seed: 1)",
      "trains on moons validation"
    ),
  ])
  func checkDataRefusesMisleadingRoutesAndSaysWhy(run: String, reason: String) {
    let session = Session()
    _ = session.run(Self.setup + "\nrun = " + run, origin: nil)
    let refused = refusal("check_data(run)", in: session)
    #expect(refused?.contains(reason) == true, "\(refused ?? "no refusal")")
  }

  @Test func checkDataRefusesValidatingOnATrainPart() {
    let session = Session()
    _ = session.run(Self.setup, origin: nil)
    _ = session.run(
      "run = fit(mlp(inputs: 2, seed: 1), data, validation: train, epochs: 1, seed: 1)", origin: nil
    )
    let refused = refusal("check_data(run)", in: session)
    #expect(refused?.contains("is also in moons") == true, "\(refused ?? "no refusal")")
  }

  @Test func checkDataPassesAnHonestRunAndComparesWithTheExpectedParts() {
    let session = Session()
    _ = session.run(Self.setup, origin: nil)
    _ = session.run(
      "run = fit(mlp(inputs: 2, seed: 1), train, validation: val, epochs: 1, seed: 1)",
      origin: nil)
    #expect(session.run("check_data(run, train: train, validation: val)", origin: nil).isEmpty)
    let refused = refusal("check_data(run, validation: test)", in: session)
    #expect(
      refused?.contains(
        "the run should have been validated on moons test (20 samples), but it used moons "
          + "validation (20 samples)") == true, "\(refused ?? "no refusal")")
  }

  @Test func fitWarnsOnceWhenItTrainsOnAHeldOutPart() {
    let session = Session()
    _ = session.run(Self.setup, origin: nil)
    let honest = outputs("a = fit(mlp(inputs: 2, seed: 1), train, epochs: 1, seed: 1)", in: session)
    #expect(!honest.contains("warning"))
    let first = outputs("b = fit(mlp(inputs: 2, seed: 1), test, epochs: 1, seed: 1)", in: session)
    #expect(first.contains("warning: this trains on moons test, the test part of a split."))
    let second = outputs("c = fit(mlp(inputs: 2, seed: 1), val, epochs: 1, seed: 1)", in: session)
    #expect(!second.contains("warning"))
  }

  @Test func aRunShowsItsRoute() throws {
    try withSessionInTemporaryFolder { session, _ in
      _ = session.run(Self.setup, origin: nil)
      _ = session.run(
        """
        net = mlp(inputs: 2, seed: 1)
        run = fit(net, train, validation: val, epochs: 2, optimizer: sgd(lr: 0.5), schedule: cosine(), seed: 1)
        save_checkpoint(run, "state.safetensors")
        """, origin: nil)
      #expect(
        outputs(
          "print(run.model == net, run.data.part, run.validation.part, run.optimizer.lr, "
            + "run.schedule, run.resumed_from, run.optimizer.momentum)", in: session)
          == "true train validation 0.5 cosine() none 0")
      _ = session.run("more = resume(run, train, epochs: 1)", origin: nil)
      #expect(outputs("print(more.resumed_from, more.epochs)", in: session) == "none 3")
      _ = session.run(
        "again = resume(run, train, epochs: 1, from: \"state.safetensors\")", origin: nil)
      #expect(outputs("print(again.resumed_from)", in: session) == "state.safetensors")
    }
  }
}

/// The error `source` stops with in `session`, if any.
private func refusal(_ source: String, in session: Session) -> String? {
  for case .error(let text) in session.run(source, origin: "check") { return text }
  return nil
}
