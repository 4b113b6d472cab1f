import Foundation
import Language
import Learning
import Testing

/// `sweep(…) { fit(…) }`: groups over seeds, the "is it real?" answer, runs bit-identical to the
/// same fits alone, Ctrl-C keeping the finished runs, and the mistakes a learner makes.
@Suite struct SweepTests {
  static let setup = """
    data = moons(n: 300, noise: 0.25, seed: 1)
    train, val = split(data, [0.7, 0.3], seed: 1)
    """

  /// The text a cell printed, joined.
  static func text(_ pieces: [OutputPiece]) -> String {
    pieces.compactMap { if case .text(let line) = $0 { line } else { nil } }
      .joined(separator: "\n")
  }

  /// The message of the cell's error, or "" without one.
  static func error(_ source: String, in session: Session) -> String {
    session.run(source, origin: nil)
      .compactMap { if case .error(let message) = $0 { message } else { nil } }
      .joined(separator: "\n")
  }

  @Test func everyRunOfASweepIsTheSameFitTrainedAlone() throws {
    let session = Session()
    runClean(Self.setup, in: session)
    runClean(
      """
      s = sweep(lr: [0.01, 0.1], batch: [16, 32], seeds: 2) {
        fit(mlp(inputs: 2, hidden: [32, 32], outputs: 1), train, validation: val,
            optimizer: adam(lr: lr), batch: batch, epochs: 4)
      }
      """, in: session)
    let sweep = try #require(
      session.value(of: "s").flatMap { if case .host(let s as SweepObject) = $0 { s } else { nil } }
    )
    #expect(sweep.groups.count == 4 && sweep.groups.allSatisfy { $0.runObjects.count == 2 })
    for (group, setting) in zip(sweep.groups, [(0.01, 16), (0.01, 32), (0.1, 16), (0.1, 32)]) {
      for (seed, swept) in zip([1, 2], group.runObjects) {
        let alone = Session()
        runClean(Self.setup, in: alone)
        runClean(
          """
          net = mlp(inputs: 2, hidden: [32, 32], outputs: 1, seed: \(seed))
          run = fit(net, train, validation: val, optimizer: adam(lr: \(setting.0)),
                    batch: \(setting.1), epochs: 4, seed: \(seed))
          """, in: alone)
        guard case .host(let net as ModelObject)? = alone.value(of: "net"),
          case .host(let run as RunObject)? = alone.value(of: "run"),
          case .host(let sweptNet as ModelObject)? = try swept.field(named: "model")
        else {
          Issue.record("no model or run")
          return
        }
        #expect(net.model.stateDict() == sweptNet.model.stateDict(), "\(swept.record.name)")
        #expect(run.record.history["val_loss"] == swept.record.history["val_loss"])
        #expect(swept.record.name == "lr \(setting.0), batch \(setting.1), seed \(seed)")
      }
    }
  }

  @Test func ctrlCMidSweepKeepsTheRunsThatFinished() throws {
    let session = Session()
    runClean(Self.setup, in: session)
    session.onOutput = { piece in
      if case .progress(let line) = piece, line.hasPrefix("sweep: 1/") {
        session.cancellation.cancel()
      }
    }
    let pieces = session.run(
      """
      s = sweep(lr: [0.001, 0.01, 0.1], seeds: 4) {
        fit(mlp(inputs: 2, hidden: [64, 64], outputs: 1), train, validation: val,
            optimizer: adam(lr: lr), epochs: 60)
      }
      """, origin: nil)
    let sweep = try #require(
      session.value(of: "s").flatMap { if case .host(let s as SweepObject) = $0 { s } else { nil } }
    )
    let kept = sweep.groups.flatMap(\.runObjects)
    #expect(!kept.isEmpty && kept.count < 12)
    #expect(kept.allSatisfy { $0.record.status == .finished && $0.record.epochCount == 60 })
    #expect(session.runs.all.count == kept.count)
    #expect(Self.text(pieces).contains("interrupted: kept the \(kept.count) of 12 runs"))
  }

  @Test func theSameSettingOverOtherSeedsIsNoRealDifference() {
    let session = Session()
    runClean(Self.setup, in: session)
    let fit =
      "fit(mlp(inputs: 2, hidden: [16], outputs: 1), train, validation: val, "
      + "optimizer: sgd(lr: 0.05), epochs: 15)"
    runClean(
      "a = sweep(seeds: [1, 2, 3, 4, 5]) { \(fit) }\nb = sweep(seeds: [6, 7, 8, 9, 10]) { \(fit) }",
      in: session)
    let answer = Self.text(runClean("compare(a, b)", in: session))
    #expect(answer.contains("Not shown to be real"), "\(answer)")
    let same = Self.text(runClean("compare(a, a)", in: session))
    #expect(same.contains("no difference"), "\(same)")
  }

  @Test func ratesFarApartDifferForReal() {
    let session = Session()
    runClean(Self.setup, in: session)
    runClean(
      """
      s = sweep(lr: [0.0005, 0.05], seeds: 4) {
        fit(mlp(inputs: 2, hidden: [16], outputs: 1), train, validation: val,
            optimizer: sgd(lr: lr), epochs: 15)
      }
      """, in: session)
    let table = Self.text(runClean("compare(s)", in: session))
    let lines = table.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("    lr  seeds  val_loss (last)") == true, "\(table)")
    #expect(lines.dropFirst().first?.hasPrefix("  0.05      4") == true, "\(table)")
    #expect(lines.contains { $0.hasPrefix("0.0005") && $0.contains("worse: real (p = ") })
    #expect(table.contains("lr 0.05 beats lr 0.0005 on all 4 seeds"))
    #expect(table.contains("Real: seed noise alone rarely gives a difference this large."))
  }

  @Test func plotOfAGroupDrawsABand() {
    let session = Session()
    runClean(Self.setup, in: session)
    runClean(
      "g = sweep(seeds: 3) { fit(mlp(inputs: 2, hidden: [8], outputs: 1), train, "
        + "validation: val, epochs: 5) }", in: session)
    let pieces = runClean("plot(g)", in: session)
    guard case .chart(let terminal, let svg)? = pieces.first else {
      Issue.record("no chart")
      return
    }
    #expect(terminal.contains("g: loss, mean of 3 seeds ± 1 std"))
    #expect(terminal.contains("░"))
    #expect(svg.contains("fill-opacity=\"0.2\""))
  }

  @Test(arguments: [
    ("sweep(lr: [0.1])", "`sweep(…)` takes a block"),
    ("sweep([0.1]) { fit(mlp(inputs: 2), train) }", "a sweep's axes need names"),
    ("sweep(lr: 0.1) { fit(mlp(inputs: 2), train) }", "`lr` takes a list of the values"),
    ("sweep(seeds: 0) { fit(mlp(inputs: 2), train) }", "`seeds` must be a whole number"),
    ("sweep(lr: []) { fit(mlp(inputs: 2), train) }", "`lr` lists no values to sweep"),
    (
      "sweep(seeds: 1e9) { fit(mlp(inputs: 2), train) }",
      "`seeds` must be a whole number of seeds from 1 to"
    ),
    (
      "sweep(a: range(100000), b: range(100000), c: range(100000), d: range(100000)) "
        + "{ fit(mlp(inputs: 2), train) }",
      "more than"
    ),
    ("sweep(seeds: [1, 1]) { fit(mlp(inputs: 2), train) }", "`seeds` lists a seed twice"),
    ("sweep(seed: [1, 2]) { fit(mlp(inputs: 2), train) }", "takes its seeds as `seeds:`"),
    ("sweep(lr: [0.1]) { x = 1 }", "the sweep's block trained nothing for lr 0.1, seed 1"),
    ("net = mlp(inputs: 2)\nsweep(seeds: 2) { fit(net, train) }", "needs its own model"),
    (
      "sweep(seeds: 2) { fit(mlp(inputs: 2), train)\nfit(mlp(inputs: 2), train) }",
      "this is a second fit"
    ),
    (
      "sweep(seeds: 2) { fit(mlp(inputs: 2), train, callbacks: [log_epochs(\"e.csv\")]) }",
      "would overwrite each other"
    ),
    ("sweep(seeds: 2) { r = fit(mlp(inputs: 2), train)\nprint(r.loss) }", "has no `loss` yet"),
  ])
  func mistakesAreExplained(source: String, message: String) {
    let session = Session()
    runClean(Self.setup, in: session)
    let error = Self.error(source, in: session)
    #expect(error.contains(message), "\(error)")
    #expect(session.runs.all.isEmpty)
  }

  @Test func theBlockSeesItsValuesAndLeavesTheSessionsNamesAsTheyWere() {
    let session = Session()
    runClean(Self.setup + "\nlr = 5", in: session)
    runClean(
      "s = sweep(lr: [0.01], seeds: [4]) { fit(mlp(inputs: 2), train, optimizer: sgd(lr: lr), "
        + "epochs: 1) }", in: session)
    #expect(evaluatedNumber("lr", in: session) == 5)
    #expect(evaluatedNumbers("s.groups[0].seeds", in: session) == [4])
    #expect(evaluatedNumber("s.runs[0].optimizer.lr", in: session) == 0.01)
    #expect(session.value(of: "seed") == nil)
  }
}
