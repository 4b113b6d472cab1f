import Foundation
import Language
import Learning
import TestSupport
import Testing

/// Runs `source` and fails the test on any diagnostic; returns the pieces.
@discardableResult
func runClean(
  _ source: String, in session: Session, sourceLocation: SourceLocation = #_sourceLocation
) -> [OutputPiece] {
  let pieces = session.run(source, origin: nil)
  for case .error(let message) in pieces {
    Issue.record("\(message)", sourceLocation: sourceLocation)
  }
  return pieces
}

/// The number a one-expression cell echoes.
func evaluatedNumber(_ source: String, in session: Session) -> Double? {
  guard case .number(let value)? = evaluate(source, in: session) else { return nil }
  return value
}

/// The string `source` evaluates to.
func evaluatedString(_ source: String, in session: Session) -> String? {
  guard case .string(let value)? = evaluate(source, in: session) else { return nil }
  return value
}

/// The numbers of the list `source` evaluates to.
func evaluatedNumbers(_ source: String, in session: Session) -> [Double] {
  guard case .list(let values)? = evaluate(source, in: session) else { return [] }
  return values.compactMap { if case .number(let x) = $0 { x } else { nil } }
}

/// The value of `source`, by assigning it to a scratch variable.
func evaluate(_ source: String, in session: Session) -> Value? {
  _ = session.run("scratch_value = " + source, origin: nil)
  return session.value(of: "scratch_value")
}

struct TrainingBuiltinTests {
  let setup = """
    data = moons(n: 200, noise: 0.2, seed: 1)
    train, val = split(data, [0.8, 0.2], seed: 1)
    net = mlp(inputs: 2, hidden: [16], outputs: 1, seed: 1)
    """

  @Test func fitStreamsAnEpochLineAndReturnsARunWithItsNumbers() throws {
    let session = Session()
    runClean(setup, in: session)
    let pieces = runClean(
      "run = fit(net, train, validation: val, loss: bce, optimizer: adam(lr: 0.01), epochs: 5, "
        + "batch: 16, metrics: [\"accuracy\"], seed: 1, name: \"first\")", in: session)
    let progress = pieces.compactMap { if case .progress(let line) = $0 { line } else { nil } }
    #expect(progress.count == 6)
    #expect(progress.first == "first: net on train, 5 epochs of 160 samples\n")
    #expect(progress.dropFirst().first?.hasPrefix("epoch 1/5  loss ") == true)
    #expect(progress.dropFirst().first?.contains("val_loss") == true)
    #expect(
      pieces.contains {
        if case .timing(let t) = $0 { t.hasPrefix("trained 5 epochs in") } else { false }
      })
    let printed = text(pieces)
    #expect(printed.contains("best epoch "))
    #expect(printed.contains("final: loss "))
    #expect(printed.contains("run: run \"first\": 5 epochs, best val_loss"))
    #expect(evaluatedNumber("run.epochs", in: session) == 5)
    #expect(evaluatedString("run.status", in: session) == ("finished"))
    #expect(evaluatedNumber("len(run.history.val_loss)", in: session) == 5)
    #expect((evaluatedNumber("run.val_accuracy", in: session) ?? 0) > 0.7)
    #expect(evaluatedNumber("len(runs())", in: session) == 1)
  }

  @Test func lossByValueAndByNameTrainTheSame() throws {
    let session = Session()
    runClean(setup, in: session)
    runClean("a = fit(copy(net), train, loss: bce, epochs: 3, seed: 2)", in: session)
    runClean("b = fit(copy(net), train, loss: \"bce\", epochs: 3, seed: 2)", in: session)
    runClean("c = fit(copy(net), train, epochs: 3, seed: 2)", in: session)
    let a = evaluatedNumber("a.loss", in: session)
    #expect(a != nil)
    #expect(a == evaluatedNumber("b.loss", in: session))
    #expect(a == evaluatedNumber("c.loss", in: session))
  }

  @Test func unknownNamesSuggestTheClosest() {
    let session = Session()
    _ = session.run(setup, origin: nil)
    #expect(
      firstDiagnostic("fit(net, train, optimizer: \"adma\")", in: session)?.contains(
        "unknown optimizer `adma`; did you mean `adam`?") == true)
    #expect(
      firstDiagnostic("fit(net, train, loss: \"bcee\")", in: session)?.contains(
        "unknown loss `bcee`; did you mean `bce`?") == true)
    #expect(
      firstDiagnostic("fit(net, train, epoch: 3)", in: session)?.contains(
        "did you mean `epochs`?") == true)
    #expect(
      firstDiagnostic("fit(net, train, metrics: [\"acuracy\"])", in: session)?.contains(
        "did you mean `accuracy`?") == true)
  }

  @Test func mistakesAreLocatedAtTheirArgument() {
    let session = Session()
    _ = session.run(setup, origin: nil)
    let wide = firstDiagnostic("fit(mlp(inputs: 3), train)", in: session) ?? ""
    #expect(
      wide.hasPrefix(
        "line 1, column 21: the first layer, dense(3, 16), cannot take data with 2 features"))
    let batch = firstDiagnostic("fit(net, train, batch: 0)", in: session) ?? ""
    #expect(batch.hasPrefix("line 1, column 17: the batch size must be at least 1, got 0"))
    let rate = firstDiagnostic("sgd(lr: -1)", in: session) ?? ""
    #expect(rate.hasPrefix("line 1, column 5: `lr` must be a finite number ≥ 0, got -1"))
    let clip = firstDiagnostic("adam(clip_norm: 1, clip_value: 1)", in: session) ?? ""
    #expect(clip.contains("give `clip_norm` or `clip_value`, not both"))
    #expect(
      firstDiagnostic("backward(net)", in: session)?.contains(
        "there is no loss to back-propagate") == true)
  }

  @Test func ctrlCStopsAfterTheStepAndKeepsAPartialRun() {
    let session = Session()
    _ = session.run(setup, origin: nil)
    session.onOutput = { piece in
      if case .progress(let line) = piece, line.hasPrefix("epoch") {
        session.cancellation.cancel()
      }
    }
    let pieces = runClean("run = fit(net, train, epochs: 50, seed: 1)", in: session)
    session.onOutput = nil
    #expect(evaluatedString("run.status", in: session) == ("interrupted"))
    #expect(evaluatedNumber("run.epochs", in: session) == 1)
    #expect(text(pieces).contains("stopped: interrupted; the model keeps its last completed step"))
  }

  @Test func earlyStoppingSchedulesAndCallbacksTakeEffect() throws {
    try withSessionInTemporaryFolder { session, path in
      let folder = URL(fileURLWithPath: path)
      runClean(setup, in: session)
      runClean(
        "run = fit(net, train, validation: val, optimizer: adam(lr: 0.05), epochs: 300, "
          + "callbacks: [early_stopping(patience: 3), log_epochs(\"epochs.csv\")], seed: 1)",
        in: session)
      #expect(evaluatedString("run.status", in: session) == ("stopped_early"))
      let epochs = evaluatedNumber("run.epochs", in: session) ?? 0
      #expect(epochs < 300)
      let log = try String(contentsOf: folder.appendingPathComponent("epochs.csv"), encoding: .utf8)
      #expect(log.split(separator: "\n").count == Int(epochs) + 1)
      runClean(
        "cos = fit(copy(net), train, optimizer: sgd(lr: 0.1), schedule: cosine(), epochs: 4, "
          + "seed: 1)", in: session)
      let rates = evaluatedNumbers("cos.history.lr", in: session)
      #expect(rates.count == 4)
      #expect(rates.first.map { $0 < 0.1 } == true)
      #expect(rates == rates.sorted(by: >))
    }
  }

  @Test func oneStepByHandFillsGradientsAndLowersTheLoss() {
    let session = Session()
    runClean(setup, in: session)
    runClean("opt = sgd(lr: 0.5)", in: session)
    let before = evaluatedNumber("loss_of(net, train, loss: bce)", in: session) ?? 0
    runClean("backward(net)", in: session)
    #expect((evaluatedNumber("net.layers[0].weight.grad.norm", in: session) ?? 0) > 0)
    runClean("update(net, opt)", in: session)
    let after = evaluatedNumber("loss_of(net, train, loss: bce)", in: session) ?? 0
    #expect(after < before)
    let stepped = evaluatedNumber("step(net, train, loss: bce, optimizer: opt)", in: session) ?? 0
    expectClose(stepped, after, rtol: 1e-6)
  }

  /// `backward` refuses a loss computed before the weights moved (its graph mixes old
  /// activations with new weights), and takes a fresh one.
  @Test func backwardRefusesALossOlderThanTheWeights() {
    let session = Session()
    runClean(setup, in: session)
    runClean("opt = sgd(lr: 0.5)\nl = loss_of(net, train, loss: bce)", in: session)
    runClean("step(net, train, loss: bce, optimizer: opt)", in: session)
    #expect(
      firstDiagnostic("backward(net)", in: session)?.contains(
        "the model's weights changed after loss_of(net, …)") == true)
    runClean("l = loss_of(net, train, loss: bce)\nbackward(net)", in: session)
  }

  @Test func evaluatingTheTestSplitTwiceAfterTrainingWarns() {
    let session = Session()
    runClean(
      "data = moons(n: 100, seed: 1)\ntrain, val, test = split(data, [0.6, 0.2, 0.2], seed: 1)\n"
        + "net = mlp(inputs: 2, seed: 1)", in: session)
    let first = text(runClean("evaluate(net, test)", in: session))
    #expect(first.hasPrefix("loss "))
    #expect(!first.contains("warning"))
    runClean("fit(net, train, epochs: 1, seed: 1)", in: session)
    #expect(
      text(runClean("evaluate(net, test)", in: session)).contains("warning: this is evaluation 2"))
  }

  @Test func predictAndMetricsScoreTheModel() {
    let session = Session()
    runClean(setup, in: session)
    runClean("fit(net, train, optimizer: adam(lr: 0.02), epochs: 30, seed: 1)", in: session)
    #expect((evaluatedNumber("accuracy(net, val)", in: session) ?? 0) > 0.8)
    #expect((evaluatedNumber("roc_auc(net, val)", in: session) ?? 0) > 0.85)
    #expect(evaluatedNumbers("predict(net, [[0, 0.5], [1, -0.5]])", in: session).count == 2)
    #expect(
      firstDiagnostic("predict(net, [[1, 2, 3]])", in: session)?.contains(
        "point 0 should have 2 numbers") == true)
  }

  @Test func lrFindSuggestsARateAndPlotsOnALogAxis() {
    let session = Session()
    runClean(setup, in: session)
    runClean("found = lr_find(net, train, seed: 1)", in: session)
    let suggestion = evaluatedNumber("found.suggestion", in: session) ?? 0
    #expect(suggestion > 1e-5 && suggestion < 10)
    let pieces = runClean("plot(found)", in: session)
    guard case .chart(let terminal, let svg)? = pieces.first else {
      Issue.record("no chart")
      return
    }
    #expect(terminal.contains("loss vs learning rate"))
    #expect(svg.contains("<svg"))
  }

  @Test func crossValidationTrainsAFreshCopyPerFold() {
    let session = Session()
    runClean(setup, in: session)
    let shown = text(
      runClean(
        "cross_validate(net, data, k: 3, epochs: 3, metrics: [\"accuracy\"], seed: 1)", in: session)
    )
    #expect(shown.hasPrefix("3 folds: loss "))
    #expect(shown.contains("accuracy "))
    #expect(shown.contains("  fold 3: loss "))
    #expect(evaluatedNumber("net.updates", in: session) == 0)
  }

  @Test func weightsAndCheckpointsRoundTripAndResumeExactly() throws {
    try withSessionInTemporaryFolder { session, path in
      let folder = URL(fileURLWithPath: path)
      runClean(setup, in: session)
      runClean("whole = fit(copy(net), train, epochs: 4, batch: 16, seed: 3)", in: session)
      runClean("part = fit(net, train, epochs: 2, batch: 16, seed: 3)", in: session)
      runClean("save_checkpoint(part, \"state.safetensors\")", in: session)
      runClean("fit(net, train, epochs: 1, seed: 9)", in: session)
      runClean("rest = resume(part, train, epochs: 2, from: \"state.safetensors\")", in: session)
      #expect(
        evaluatedNumber("whole.loss", in: session) == evaluatedNumber("rest.loss", in: session))
      runClean(
        "save_weights(net, \"net.safetensors\")\nother = mlp(inputs: 2, seed: 7)", in: session)
      runClean("load_weights(other, \"net.safetensors\")", in: session)
      let predictions = evaluatedNumbers("predict(net, val)", in: session)
      #expect(predictions.count == 40)
      #expect(evaluatedNumbers("predict(other, val)", in: session) == predictions)
      let weights = folder.appendingPathComponent("net.safetensors").path
      #expect(FileManager.default.fileExists(atPath: weights))
      let mismatch = "load_weights(mlp(inputs: 2, hidden: [3]), \"net.safetensors\")"
      #expect(firstDiagnostic(mismatch, in: session)?.contains("shape") == true)
    }
  }

  @Test func runsAreSavedComparedPlottedAndExported() throws {
    try withSessionInTemporaryFolder { session, path in
      let folder = URL(fileURLWithPath: path)
      session.runs.keep(in: folder.appendingPathComponent("runs"))
      runClean(setup, in: session)
      for rate in ["0.001", "0.01"] {
        runClean(
          "fit(copy(net), train, validation: val, optimizer: sgd(lr: \(rate)), epochs: 3, "
            + "name: \"lr \(rate)\", seed: 1)", in: session)
      }
      let saved = try FileManager.default.contentsOfDirectory(
        atPath: folder.appendingPathComponent("runs").path)
      #expect(saved.filter { $0.hasSuffix(".json") }.count == 2)
      let table = text(runClean("compare(runs(last: 2))", in: session))
      #expect(table.contains("lr 0.001") && table.contains("lr 0.01"))
      let pieces = runClean(
        "plot(runs(last: 2), metric: \"val_loss\", to: \"runs.svg\")", in: session)
      guard case .chart(let terminal, _)? = pieces.first else {
        Issue.record("no chart")
        return
      }
      #expect(terminal.contains("lr 0.001"))
      #expect(
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("runs.svg").path))
      #expect(
        firstDiagnostic("plot(runs(), metric: \"val_los\")", in: session)?.contains(
          "no run recorded `val_los`; did you mean `val_loss`?") == true)
      runClean("export_tensorboard(runs(), to: \"tb\")", in: session)
      let exported = try FileManager.default.contentsOfDirectory(
        atPath: folder.appendingPathComponent("tb").path)
      #expect(exported.count == 2)
    }
  }

  @Test func valuesDisplayAsTheCallThatMadeThem() {
    let session = Session()
    #expect(
      text(session.run("adam(lr: 0.01, clip_norm: 1)", origin: nil))
        == "adam(lr: 0.01, clip_norm: 1)")
    #expect(
      text(session.run("cross_entropy(label_smoothing: 0.1)", origin: nil))
        == "cross_entropy(label_smoothing: 0.1)")
    #expect(
      text(session.run("early_stopping(patience: 10)", origin: nil))
        == "early_stopping(patience: 10)")
    #expect(text(session.run("one_cycle(max_lr: 0.1)", origin: nil)) == "one_cycle(max_lr: 0.1)")
    #expect(
      text(session.run("print(mse(), huber(2), huber(delta: 1), bce())", origin: nil))
        == "mse() huber(delta: 2) huber(delta: 1) bce()")
    #expect(evaluatedNumber("sgd(lr: 0.1, momentum: 0.9).momentum", in: session) == 0.9)
    #expect(
      text(session.run("print(sgd(lr: 0.1, momentum: 0.9, nesterov: true))", origin: nil))
        == "sgd(lr: 0.1, momentum: 0.9, nesterov: true)")
    #expect(
      text(session.run("sgd(nesterov: false)", origin: nil)) == "sgd(lr: 0.01, nesterov: false)")
    guard case .bool(true)? = evaluate("sgd(nesterov: true).nesterov", in: session) else {
      Issue.record("the `nesterov` field is not the flag given")
      return
    }
  }

  @Test func aWrongElementOfAListIsNamedByIndexAndType() {
    let session = Session()
    _ = session.run(setup, origin: nil)
    let schedule =
      firstDiagnostic(
        "fit(net, train, callbacks: [early_stopping(), reduce_on_plateau()])", in: session) ?? ""
    #expect(
      schedule.contains(
        "expected a list of callbacks for `callbacks`, but element 1 is a schedule"))
    #expect(
      schedule.contains(
        "hint: `reduce_on_plateau()` is a learning-rate schedule: pass it as "
          + "`fit(…, schedule: reduce_on_plateau())`, not in `callbacks:`"))
    let metric = firstDiagnostic("fit(net, train, metrics: [\"accuracy\", 3])", in: session) ?? ""
    #expect(
      metric.contains("expected a list of metrics (")
        && metric.contains(
          "for `metrics`, but element 1 is 3")
    )
  }
}
