import Language
import Testing

/// Parameters declared once (type, default, valid range, help): the binder refuses what the
/// range excludes, `help` shows the range, and objects show the call that made them.
struct DeclaredArgumentTests {
  @Test(arguments: [
    ("early_stopping(patience: -1)", "line 1, column 16: `patience` must be at least 0, got -1"),
    ("sgd(momentum: -0.5)", "line 1, column 5: `momentum` must be a finite number ≥ 0, got -0.5"),
    ("step_decay(every: 0)", "line 1, column 12: `every` must be at least 1 epoch, got 0"),
    ("one_cycle(pct_start: 1)", "line 1, column 11: `pct_start` must be between 0 and 1, got 1"),
    ("huber(0)", "line 1, column 7: `delta` must be a positive number, got 0"),
    (
      "cross_entropy(label_smoothing: 1)",
      "line 1, column 15: `label_smoothing` must be in [0, 1), got 1"
    ),
  ])
  func valuesOutsideTheDeclaredRangeAreRefusedAtTheArgument(source: String, message: String) {
    #expect(firstDiagnostic(source)?.hasPrefix(message + "\n") == true)
  }

  @Test func helpShowsEachRange() {
    let page = outputs("help(early_stopping)", in: Session())
    #expect(
      page.contains("patience      a whole number, ≥ 0, default 5. Epochs without improvement."))
    let rates = outputs("help(one_cycle)", in: Session())
    #expect(rates.contains("pct_start  a number, in (0, 1), default 0.3."))
  }

  @Test func objectsShowTheCallThatMadeThem() {
    let session = Session()
    #expect(
      outputs("early_stopping(patience: 10, restore_best: false)", in: session)
        == "early_stopping(patience: 10, restore_best: false)")
    #expect(outputs("adam()", in: session) == "adam(lr: 0.001)")
    #expect(outputs("sgd(momentum: 0.9, lr: 0.1)", in: session) == "sgd(lr: 0.1, momentum: 0.9)")
    #expect(outputs("step_decay(gamma: 0.5)", in: session) == "step_decay(gamma: 0.5)")
  }

  @Test func aBuiltinsNameStandsForItsCallWithDefaults() {
    let session = Session()
    _ = session.run("net = mlp(inputs: 2, seed: 1)\ndata = moons(n: 16, seed: 1)", origin: nil)
    #expect(firstDiagnostic("step(net, data, loss: bce, optimizer: sgd)", in: session) == nil)
    #expect(firstDiagnostic("step(net, data, optimizer: \"adam\")", in: session) == nil)
  }
}
