import Datasets
import Engine
import Foundation
import Language
import Testing

/// A session has a memory budget: what would pass it is refused, before it is allocated, with a
/// message naming the call and by how much; counts have limits; long loops below the language
/// stop when the session is interrupted.
@Suite struct MemoryBudgetTests {
  /// A session allowed 256 MB more than the process holds now.
  private func session() -> Session {
    let session = testSession()
    session.memory = MemoryBudget(limit: MemoryBudget.residentBytes + 256 * 1_048_576)
    return session
  }

  /// The first error `source` gives in a budgeted session.
  private func error(_ source: String) -> String? {
    session().run(source, origin: nil).lazy.compactMap { piece -> String? in
      if case .error(let text) = piece { text } else { nil }
    }.first
  }

  @Test(arguments: [
    "kfold(moons(n: 1000000, seed: 1), k: 1000000)",
    "x = moons(n: 1e7, seed: 1)",
    "layers = []\nfor i in range(30) { layers = layers + [dense(7000, 7000)] }",
  ])
  func whatWouldPassTheBudgetIsRefused(source: String) throws {
    let text = try #require(error(source))
    #expect(text.contains("memory budget of "), "\(text)")
    #expect(text.contains(" by "), "\(text)")
    #expect(text.contains("hint: use less data"), "\(text)")
  }

  @Test(arguments: [
    ("fit(mlp(inputs: 2), moons(n: 10, seed: 1), epochs: 1e12)", "`epochs` may be at most"),
    ("lr_find(mlp(inputs: 2), moons(n: 10, seed: 1), steps: 1e9)", "`steps` may be at most"),
    ("moons(n: 1e9)", "`n` may be at most"),
  ])
  func countsHaveLimits(source: String, message: String) throws {
    let text = try #require(error(source))
    #expect(text.contains(message), "\(text)")
  }

  @Test func helpStatesTheLimits() {
    let pieces = testSession().run("help()", origin: nil)
    guard case .text(let text) = pieces.first else {
      Issue.record("help() printed \(pieces)")
      return
    }
    for limit in ["memory", "1000000 per fit", "100000 steps", "10000000 per generated"] {
      #expect(text.contains(limit), "help() does not state \(limit)")
    }
  }

  @Test func budgetsAreReadAsSizes() {
    #expect(MemoryBudget.bytes(in: "4G") == 4 << 30)
    #expect(MemoryBudget.bytes(in: "512MB") == 512 << 20)
    #expect(MemoryBudget.bytes(in: "1.5GiB") == 3 << 29)
    #expect(MemoryBudget.bytes(in: "2000000000") == 2_000_000_000)
    for wrong in ["", "lots", "-1G", "10M", "1e30", "nanG"] {
      #expect(MemoryBudget.bytes(in: wrong) == nil, "\(wrong)")
    }
  }

  @Test func generatorsAndFoldsStopWhenInterrupted() {
    let moonsAndFolds = {
      (try? Dataset.moons(count: 200_000, seed: 1)) == nil
        && (try? Dataset.moons(count: 50, seed: 1).kFolds(5)) == nil
    }
    let stopped = Interruption.whileRunning(checking: { true }, moonsAndFolds)
    #expect(stopped)
    #expect((try? Dataset.moons(count: 200_000, seed: 1)) != nil)
  }

  @Test func errorsAboutHugeInputsAreShortened() throws {
    let literal = String(repeating: "a", count: 1_000_000)
    let text = try #require(error("x = \"\(literal)\" - 1"))
    #expect(text.count < 5000, "the message has \(text.count) characters")
    #expect(text.contains("more characters") || text.contains("…"))
  }

  @Test func savingWeightsToAFolderSaysSo() throws {
    let pieces = Session().run("save_weights(mlp(inputs: 2), \".\")", origin: nil)
    guard case .error(let text) = pieces.last else {
      Issue.record("saving to a folder gave \(pieces)")
      return
    }
    #expect(text.contains("it is a folder, not a file"), "\(text)")
    #expect(!text.contains("NSCocoaErrorDomain"))
  }
}
