import Engine
import Foundation
import Language
import Testing

/// No input crashes the language: generated garbage and mutated valid programs (seeded and
/// bounded) either run or stop with a well-formed diagnostic whose caret sits under its column,
/// in sessions whose memory budget is 1 GB above what the process holds (so no input reaches an
/// allocation failure). Each test runs 1500 inputs; `TRAINBOOK_FUZZ_CASES=50000` runs more (the
/// long run: 100,000 in all).
struct FuzzTests {
  /// How many inputs each test tries.
  static let cases =
    Int(ProcessInfo.processInfo.environment["TRAINBOOK_FUZZ_CASES"] ?? "") ?? 1500

  /// A test session with a memory budget 1 GB above what the process holds now.
  private func budgetedSession() -> Session {
    let session = testSession()
    session.memory = MemoryBudget(limit: MemoryBudget.residentBytes + 1 << 30)
    return session
  }

  static let fragments = [
    "(", ")", "[", "]", "{", "}", ",", ":", ".", ";", "=", "+", "-", "*", "/", "%", "**", "==",
    "!=", "<", ">=", "and", "or", "not", "for", "in", "if", "else", "expect", "none", "true",
    "false", "\"", "\"{", "}\"", "\\", "#", "\n", "\r\n", "\t", " ", "x", "y", "net", "print",
    "len", "range", "help", "model", "train", "epochs:", "1", "0", "1e-3", "0.5", "1e", "\"a\"",
    "@", "$", "é", "🙂", "\u{301}", "_", "x.layers", "[0]", "(1, 2)",
  ]

  /// Checks that every diagnostic in `pieces` is well formed; returns whether there was one.
  @discardableResult
  private func checkDiagnostics(
    _ pieces: [OutputPiece], source: String, seed: UInt64,
    sourceLocation: SourceLocation = #_sourceLocation
  ) -> Bool {
    var sawError = false
    for case .error(let text) in pieces {
      sawError = true
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
      let heading = lines[0]
      guard heading.hasPrefix("line "), let comma = heading.firstIndex(of: ","),
        let line = Int(heading[heading.index(heading.startIndex, offsetBy: 5)..<comma])
      else {
        Issue.record("seed \(seed): malformed heading in \(text)", sourceLocation: sourceLocation)
        continue
      }
      let rest = heading[comma...].dropFirst(", column ".count)
      let column = Int(rest.prefix(while: \.isNumber)) ?? -1
      #expect(line >= 1 && column >= 1, "seed \(seed): \(heading)", sourceLocation: sourceLocation)
      if lines.count >= 3, !lines[1].hasPrefix("  hint:") {
        let caret = lines[2].dropFirst(2)
        let sourceLine = Array(lines[1].dropFirst(2))
        let offset = caret.prefix(while: { $0 != "^" }).count
        if sourceLine.first == "…" {
          // A long line shown as a window cut at its start: the caret stays inside the window.
          #expect(
            offset >= 1 && offset <= sourceLine.count, "seed \(seed): caret outside the window",
            sourceLocation: sourceLocation)
        } else {
          #expect(
            offset == min(column - 1, sourceLine.count),
            "seed \(seed): caret misplaced in\n\(text)\nfor source \(source.debugDescription)",
            sourceLocation: sourceLocation)
        }
      }
    }
    return sawError
  }

  @Test func generatedGarbage() {
    var random = RandomGenerator(seed: 2026)
    var withDiagnostic = 0
    let cases = Self.cases
    for _ in 0..<cases {
      let seed = random.next()
      var generator = RandomGenerator(seed: seed)
      let count = 1 + generator.int(below: 40)
      let source = (0..<count).map { _ in
        Self.fragments[generator.int(below: Self.fragments.count)]
      }.joined()
      let pieces = budgetedSession().run(source, origin: nil)
      if checkDiagnostics(pieces, source: source, seed: seed) { withDiagnostic += 1 }
    }
    #expect(withDiagnostic > cases * 9 / 10, "only \(withDiagnostic) of \(cases) gave a diagnostic")
  }

  @Test func mutatedValidPrograms() throws {
    var programs = BuiltinRegistry.standard.all.map(\.example)
    for name in TranscriptTests.scripts {
      programs.append(try readFile(TranscriptTests.folder + name))
    }
    var random = RandomGenerator(seed: 7)
    for _ in 0..<Self.cases {
      let seed = random.next()
      var generator = RandomGenerator(seed: seed)
      var characters = Array(programs[generator.int(below: programs.count)])
      for _ in 0...generator.int(below: 3) {
        let position = generator.int(below: characters.count + 1)
        switch generator.int(below: 4) {
        case 0:
          let end = min(characters.count, position + 1 + generator.int(below: 6))
          characters.removeSubrange(position..<end)
        case 1:
          let fragment = Self.fragments[generator.int(below: Self.fragments.count)]
          characters.insert(contentsOf: fragment, at: position)
        case 2 where position < characters.count:
          let end = min(characters.count, position + 1 + generator.int(below: 8))
          characters.insert(contentsOf: characters[position..<end], at: position)
        default:
          if characters.count > 1 {
            characters.swapAt(position % characters.count, generator.int(below: characters.count))
          }
        }
      }
      let source = String(characters)
      checkDiagnostics(budgetedSession().run(source, origin: nil), source: source, seed: seed)
    }
  }

  /// Inputs at the extremes, named so that a failure names its case.
  static let extremes: [String: String] = [
    "brackets": String(repeating: "[", count: 100_000),
    "parentheses": String(repeating: "(", count: 100_000) + "1",
    "negations": String(repeating: "-", count: 100_000) + "1",
    "nots": String(repeating: "not ", count: 50_000) + "true",
    "powers": "2" + String(repeating: " ** 2", count: 50_000),
    "fields": String(repeating: "x.", count: 50_000) + "y",
    "indices": "x" + String(repeating: "[0]", count: 50_000),
    "calls": String(repeating: "f(", count: 50_000),
    "chained calls": "print" + String(repeating: "()", count: 50_000),
    "blocks": String(repeating: "if true {\n", count: 10_000),
    "else ifs": "if false { }" + String(repeating: " else if false { }", count: 10_000),
    "interpolations": String(repeating: "\"{", count: 50_000),
    "sum": "x = " + String(repeating: "1 + ", count: 100_000) + "1",
    "closing braces": String(repeating: "}", count: 10_000),
    "long line": "x = [" + String(repeating: "1, ", count: 100_000) + "1]\nlen(x)",
  ]

  @Test(arguments: extremes.keys.sorted())
  func extremeInputGivesADiagnosticOrRuns(_ name: String) throws {
    let source = try #require(Self.extremes[name])
    let pieces = testSession().run(source, origin: nil)
    checkDiagnostics(pieces, source: String(source.prefix(100)), seed: 0)
    #expect(!pieces.isEmpty)
  }

  @Test func deeplyNestedListsBuiltInALoopAreRefused() {
    let pieces = testSession().run("x = []\nfor i in range(1000) { x = [x] }", origin: nil)
    #expect(pieces.count == 2)
    if case .error(let text) = pieces.last {
      #expect(text.hasPrefix("line 2, column 28: lists nest more than 64 levels deep here"))
    }
  }
}
