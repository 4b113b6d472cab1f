import Language
import TestSupport
import Testing

/// Every built-in: its example runs, its help page is complete, and the generic checks apply.
struct BuiltinTests {
  static var names: [String] { BuiltinRegistry.standard.names }

  @Test(arguments: names) func exampleRunsInAFreshSession(_ name: String) throws {
    let builtin = try #require(BuiltinRegistry.standard[name])
    #expect(!builtin.example.isEmpty)
    try withTemporaryFolder("trainbook-example") { folder in
      let session = confined(Session(), to: folder.path)
      let pieces = session.run(builtin.example, origin: "example of \(name)")
      for case .error(let message) in pieces { Issue.record("\(name): \(message)") }
    }
  }

  @Test(arguments: names) func helpPageShowsSignatureArgumentsAndExample(_ name: String) throws {
    let builtin = try #require(BuiltinRegistry.standard[name])
    let page = text(Session().run("help(\(name))", origin: nil))
    #expect(page.hasPrefix(builtin.signature + "\n  " + builtin.summary))
    for parameter in builtin.parameters {
      #expect(page.contains("  \(parameter.label)"))
      #expect(page.contains(parameter.doc))
    }
    let example = builtin.example.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
    #expect(page.hasSuffix("Example:\n" + example))
  }

  @Test func helpListsEveryBuiltinUnderItsTopic() {
    let index = text(Session().run("help()", origin: nil))
    #expect(index.hasPrefix("Built-in functions by topic; help(name) shows one in full.\n"))
    #expect(index.contains("\nmath\n  abs "))
    #expect(index.contains(" The absolute value: abs(-2) is 2.\n"))
    for name in Self.names { #expect(index.contains("\n  \(name) ")) }
    let topics = index.split(separator: "\n").filter { !$0.hasPrefix(" ") }.dropFirst()
    let limits = "Limits (far beyond any lesson; they keep a notebook from exhausting the machine):"
    let order = Topic.allCases.map(\.rawValue) + ["The language:", limits]
    #expect(topics.map(String.init) == order.filter { topics.contains(Substring($0)) })
    #expect(
      ["data", "models", "math", "text", "utilities", "The language:"].allSatisfy {
        topics.contains(Substring($0))
      })
    #expect(index.contains("\n  # a comment                ignored up to the end of the line\n"))
    #expect(index.hasSuffix("\n  layers      50000000 weights each"))
  }

  @Test func markdownReferenceHasEveryBuiltinAndArgument() {
    let reference = BuiltinRegistry.standard.markdownReference
    #expect(reference.contains("### Math\n\n#### `abs(x)`\n\nThe absolute value: abs(-2) is 2.\n"))
    for builtin in BuiltinRegistry.standard.all {
      #expect(reference.contains("#### `\(builtin.signature)`\n\n\(builtin.summary)\n"))
      #expect(reference.contains("```\n\(builtin.example)\n```"))
      for parameter in builtin.parameters {
        #expect(reference.contains("| `\(parameter.label)` | \(parameter.accepts) |"))
      }
    }
  }

  @Test func helpByNameAndAboutValues() {
    let session = testSession()
    #expect(text(session.run("help(\"len\")", origin: nil)).hasPrefix("len(collection)\n"))
    #expect(text(session.run("help(3)", origin: nil)) == "3 is a number")
    #expect(
      text(session.run("help(model())", origin: nil)) == """
        a model: a test model with 2 layers
        fields: layers, parameters, best_epoch
        """)
    #expect(
      firstDiagnostic("help(\"lenn\")", in: session)?.hasPrefix(
        "line 1, column 6: there is no built-in `lenn`; did you mean `len`?") == true)
  }

  @Test func printJoinsTextsAndReturnsNone() {
    let session = Session()
    #expect(
      session.run("print(\"a\", [1, \"b\"], 0.5)", origin: nil) == [.text("a [1, \"b\"] 0.5")])
    #expect(session.run("x = print()", origin: nil) == [.text(""), .text("x: none")])
  }

  @Test func seedSetsTheSessionSeed() {
    let session = Session()
    _ = session.run("seed(7)", origin: nil)
    #expect(session.seed == 7)
  }

  @Test(arguments: [
    ("sqrt(-4)", "line 1, column 6: `sqrt` needs x >= 0, got -4"),
    ("log(0)", "line 1, column 5: `log` needs x > 0, got 0"),
    ("max([])", "line 1, column 1: `max` needs at least one number"),
    ("min(1, \"a\")", "line 1, column 8: expected a number or a list of numbers for `values`"),
    ("range(0, 3, step: 0)", "line 1, column 13: the step of a range cannot be 0"),
    ("range(1e12)", "line 1, column 1: this range would hold 1000000000000 numbers"),
    ("round(1, digits: 16)", "line 1, column 10: digits must be from 0 to 15, got 16"),
    ("fixed(1, digits: -1)", "line 1, column 10: digits must be from 0 to 15, got -1"),
    ("len(3)", "line 1, column 5: a number has no length"),
    ("seed(-1)", "line 1, column 6: a seed cannot be negative, got -1"),
  ])
  func builtinsRejectBadArgumentsAtTheArgument(_ source: String, _ heading: String) {
    #expect(firstDiagnostic(source)?.hasPrefix(heading) == true)
  }

  @Test func lenOfAnObjectWithElements() {
    #expect(testSession().run("len(model().layers)", origin: nil) == [.text("2")])
  }

  @Test func choiceAcceptsABuiltinName() {
    var registry = BuiltinRegistry.standard
    let activation = Declared.choice("activation", "activation", ["abs", "exp"], "Which.")
    registry.register(
      Builtin(
        "act", topic: .models, summary: "Echoes an activation.", parameters: [activation],
        example: "act(abs)"
      ) { arguments, _ in .string(arguments[activation]) })
    let session = Session(registry: registry)
    #expect(
      session.run("act(abs); act(\"exp\")", origin: nil) == [.text("\"abs\""), .text("\"exp\"")])
  }
}

/// The printed text of a cell's pieces, joined by newlines.
func text(_ pieces: [OutputPiece]) -> String {
  pieces.compactMap { if case .text(let text) = $0 { text } else { nil } }.joined(separator: "\n")
}
