import Foundation
import Language
import Testing

/// What a fit prints as it trains and ends: a heading with the run's name, about 20 epoch lines
/// that stay, which epoch's weights early stopping gave back, and its settings as fields.
struct TrainingOutputTests {
  let setup = """
    data = moons(n: 200, noise: 0.2, seed: 1)
    train, val = split(data, [0.8, 0.2], seed: 1)
    """

  /// The progress lines of `pieces`, in order.
  func progress(_ pieces: [OutputPiece]) -> [String] {
    pieces.compactMap { if case .progress(let line) = $0 { line } else { nil } }
  }

  @Test func aLongFitKeepsItsFirstItsLastAndEveryTenthOfTwoHundredEpochLines() {
    let session = Session()
    runClean(setup, in: session)
    let pieces = runClean(
      "net = mlp(inputs: 2, hidden: [4], outputs: 1, seed: 1)\n"
        + "fit(net, train, epochs: 200, batch: 160, seed: 1, name: \"long\")", in: session)
    let lines = progress(pieces)
    #expect(lines.count == 201)
    #expect(lines[0] == "long: net on train, 200 epochs of 160 samples\n")
    let staying = lines.dropFirst().filter { $0.hasSuffix("\n") }.map {
      Int($0.dropFirst("epoch".count).prefix { $0 != "/" }.trimmingCharacters(in: .whitespaces))
    }
    #expect(staying == [1] + stride(from: 10, through: 200, by: 10).map { $0 })
  }

  @Test func aShortFitKeepsEveryEpochLine() {
    let session = Session()
    runClean(setup, in: session)
    let lines = progress(
      runClean(
        "fit(mlp(inputs: 2, hidden: [4], outputs: 1, seed: 1), train, epochs: 20, seed: 1)",
        in: session))
    #expect(lines.count == 21)
    #expect(lines.allSatisfy { $0.hasSuffix("\n") })
    #expect(lines[0] == "run 1: on train, 20 epochs of 160 samples\n")
  }

  @Test func eachFitOfALoopIsHeadedWithItsRunName() {
    let session = Session()
    runClean(setup, in: session)
    let headings = progress(
      runClean(
        """
        for rate in [0.1, 0.01] {
          net = mlp(inputs: 2, hidden: [4], outputs: 1, seed: 1)
          fit(net, train, optimizer: sgd(lr: rate), epochs: 2, seed: 1, name: "lr {rate}")
        }
        """, in: session)
    ).filter { !$0.hasPrefix("epoch") }
    #expect(
      headings == [
        "lr 0.1: net on train, 2 epochs of 160 samples\n",
        "lr 0.01: net on train, 2 epochs of 160 samples\n",
      ])
  }

  /// What a fit of a wide net with early stopping printed, its run kept as `run`.
  func fitWithEarlyStopping(epochs: Int, patience: Int, in session: Session) -> String {
    runClean(setup, in: session)
    return text(
      runClean(
        "net = mlp(inputs: 2, hidden: [32, 32], outputs: 1, seed: 1)\n"
          + "run = fit(net, train, validation: val, optimizer: adam(lr: 0.05), epochs: \(epochs), "
          + "callbacks: [early_stopping(patience: \(patience))], seed: 1)", in: session))
  }

  @Test func earlyStoppingSaysWhichEpochsWeightsTheModelHolds() throws {
    let session = Session()
    let printed = fitWithEarlyStopping(epochs: 300, patience: 3, in: session)
    let best = try #require(evaluatedNumber("run.best_epoch", in: session))
    let last = try #require(evaluatedNumber("run.epochs", in: session))
    #expect(best < last)
    #expect(
      printed.contains(
        "stopped: early stopping after epoch \(Int(last)); the model holds the weights of "
          + "epoch \(Int(best)), the best"))
    // The model predicts as the best epoch did: its validation loss is the best one.
    let bestLoss = try #require(
      evaluatedNumber("run.history.val_loss[run.best_epoch - 1]", in: session))
    let now = try #require(evaluatedNumber("evaluate(net, val).loss", in: session))
    #expect(abs(now - bestLoss) <= 1e-6 * max(1, abs(bestLoss)))
  }

  @Test func aRunThatFinishesWithEarlierWeightsSaysSo() throws {
    let session = Session()
    let printed = fitWithEarlyStopping(epochs: 40, patience: 100, in: session)
    let best = try #require(evaluatedNumber("run.best_epoch", in: session))
    #expect(best < 40)
    #expect(
      printed.contains(
        "\nthe model holds the weights of epoch \(Int(best)), the best by early stopping"))
    #expect(!printed.contains("stopped:"))
  }

  @Test func aComponentsSettingsAreFieldsOfItsName() {
    let session = Session()
    runClean(setup, in: session)
    runClean(
      "run = fit(mlp(inputs: 2, hidden: [4], outputs: 1, seed: 1), train, epochs: 1, "
        + "callbacks: [early_stopping(monitor: \"loss\", patience: 2)], seed: 1)", in: session)
    #expect(evaluatedNumber("run.settings.early_stopping.patience", in: session) == 2)
    #expect(evaluatedString("run.settings.early_stopping.monitor", in: session) == "loss")
    #expect(
      text(runClean("print(run.settings.early_stopping)", in: session))
        == "early_stopping: min_delta 0, monitor loss, patience 2, restore_best true")
    #expect(
      firstDiagnostic("run.settings.early_stopping.patient", in: session)?.contains(
        "patience") == true)
  }

  @Test func everyWriterRefusesAFolderThatDoesNotExistNamingThePathAsWritten() throws {
    try withSessionInTemporaryFolder { session, _ in
      runClean(
        "net = mlp(inputs: 2, hidden: [4], outputs: 1, seed: 1)\n"
          + "run = fit(net, moons(n: 20, seed: 1), epochs: 1, seed: 1)", in: session)
      for call in [
        "save_weights(net, \"gone/w.safetensors\")", "save_checkpoint(run, \"gone/c.safetensors\")",
        "save_csv(moons(n: 5, seed: 1), \"gone/d.csv\")",
      ] {
        let message = try #require(firstDiagnostic(call, in: session))
        #expect(message.contains("\"gone/"), "\(call)")
        #expect(message.contains("its folder does not exist"), "\(call)")
        #expect(message.contains("hint: create the folder first"), "\(call)")
      }
    }
  }
}
