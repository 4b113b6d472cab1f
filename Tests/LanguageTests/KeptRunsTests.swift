import Foundation
import Language
import Learning
import TestSupport
import Testing

/// Runs kept on disk: every fit is saved where the session keeps runs, `runs(all: true)` finds an
/// earlier session's runs there, `compare` sets their differing settings side by side, and a
/// replay's scratch folder goes with its session.
@Suite struct KeptRunsTests {
  let setup = """
    data = moons(n: 120, noise: 0.2, seed: 1)
    train, val = split(data, [0.75, 0.25], seed: 1)
    net = mlp(inputs: 2, hidden: [8], outputs: 1, seed: 1)
    """

  @Test func anEarlierSessionsRunsAreListedAndCompared() throws {
    try withTemporaryFolder("trainbook-kept-runs") { folder in
      let runs = folder.appendingPathComponent("runs")
      let yesterday = Session()
      yesterday.runs.keep(in: runs)
      runClean(setup, in: yesterday)
      runClean(
        "fit(net, train, validation: val, optimizer: sgd(lr: 0.1), epochs: 2, seed: 1, "
          + "name: \"yesterday\")", in: yesterday)
      let today = Session()
      today.runs.keep(in: runs)
      runClean(setup, in: today)
      runClean(
        "fit(net, train, validation: val, optimizer: sgd(lr: 0.5), batch: 16, epochs: 2, "
          + "seed: 1, name: \"today\")", in: today)
      #expect(text(runClean("print(len(runs()))", in: today)) == "1")
      #expect(text(runClean("print(len(runs(all: true)))", in: today)) == "2")
      #expect(
        text(runClean("for r in runs(all: true) { print(r.name) }", in: today))
          == "yesterday\ntoday")
      #expect(
        text(runClean("print(runs(all: true)[0].settings.lr)", in: today)) == "0.1")
      #expect(
        text(runClean("print(runs(all: true)[1].settings.batch_size)", in: today)) == "16")
      let table = text(runClean("compare(runs(all: true))", in: today)).split(separator: "\n")
      let header = try #require(table.first).split(separator: " ")
      #expect(header.contains("lr") && header.contains("batch_size"))
      #expect(!header.contains("optimizer") && !header.contains("seed"))
      #expect(table[1].contains("yesterday") && table[1].contains("0.1"))
      #expect(table[2].contains("today") && table[2].contains("0.5") && table[2].contains("16"))
      // Today's own run is the live one, which `resume` can continue; yesterday's is a record.
      runClean("more = resume(runs(all: true)[1], train, epochs: 1)", in: today)
      #expect(
        firstDiagnostic("resume(runs(all: true)[0], train, epochs: 1)", in: today)?
          .contains("no trainer") == true)
    }
  }

  @Test func anUnreadableRunFileIsNamedAndSkipped() throws {
    try withTemporaryFolder("trainbook-kept-runs") { folder in
      try Data("{".utf8).write(to: folder.appendingPathComponent("20260101-000000-001.json"))
      let session = Session()
      session.runs.keep(in: folder)
      let pieces = runClean("print(len(runs(all: true)))", in: session)
      #expect(text(pieces).contains("note: skipped"))
      #expect(text(pieces).contains("20260101-000000-001.json is not a valid run"))
      #expect(text(pieces).hasSuffix("0"))
    }
  }

  @Test func withoutAFolderAllRunsAreTheSessionsOwnAndSaidSo() {
    let session = Session()
    runClean(setup + "\nfit(net, train, epochs: 1, seed: 1)", in: session)
    let pieces = runClean("print(len(runs(all: true)))", in: session)
    #expect(text(pieces).contains("keeps no runs folder"))
    #expect(text(pieces).hasSuffix("1"))
  }

  @Test func aScratchFolderKeepsRunsAndIsRemovedAfterwards() throws {
    let folder = try SessionRuns.withScratchFolder { folder in
      let session = Session()
      session.runs.keep(in: folder)
      runClean(setup + "\nfit(net, train, epochs: 1, seed: 1, name: \"replayed\")", in: session)
      let saved = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      #expect(saved.filter { $0.hasSuffix(".json") }.count == 1)
      #expect(text(runClean("print(runs(all: true)[0].name)", in: session)) == "replayed")
      return folder
    }
    #expect(!FileManager.default.fileExists(atPath: folder.path))
  }
}
