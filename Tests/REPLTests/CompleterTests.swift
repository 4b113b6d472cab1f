import REPL
import Testing

@Suite struct CompleterTests {
  /// A folder tree: `.` holds `data/`, `dance.txt` and `.hidden`; `data/` holds `iris.csv`,
  /// `irises/` and `wine.csv`.
  static func listFolder(_ path: String) -> [FolderEntry]? {
    switch path {
    case ".":
      [
        .init(name: "dance.txt", isFolder: false), .init(name: "data", isFolder: true),
        .init(name: ".hidden", isFolder: false),
      ]
    case "data/":
      [
        .init(name: "wine.csv", isFolder: false), .init(name: "iris.csv", isFolder: false),
        .init(name: "irises", isFolder: true),
      ]
    default: nil
    }
  }

  static func completer(_ session: FakeSession = FakeSession()) -> Completer {
    Completer(session: session, commands: .standard, listFolder: listFolder)
  }

  @Test func commandNamesAfterAColon() {
    let completer = Self.completer()
    #expect(completer.complete(":h").candidates == [":help ", ":history "])
    #expect(completer.complete("  :q").candidates == [":quit "])
    #expect(completer.complete(":").candidates.count == 7)
    #expect(completer.complete(":x").candidates == [])
  }

  @Test func fileNamesAfterACommandThatTakesOne() {
    let completer = Self.completer()
    #expect(completer.complete(":load da").candidates == ["dance.txt", "data/"])
    #expect(completer.complete(":history da").candidates == [])
  }

  @Test func fileNamesInsideAString() {
    let completer = Self.completer()
    #expect(completer.complete("load_csv(\"d").candidates == ["dance.txt", "data/"])
    let inData = completer.complete("x = load_csv(\"data/ir")
    #expect(inData.token == "data/ir")
    #expect(inData.candidates == ["data/iris.csv", "data/irises/"])
    #expect(completer.complete("f(\"").candidates == ["dance.txt", "data/"])
    #expect(completer.complete("f(\".h").candidates == [".hidden"])
    #expect(completer.complete("f(\"nowhere/x").candidates == [])
  }

  @Test func namesLabelsAndFieldsComeFromTheSession() {
    let session = FakeSession()
    _ = session.run(cell: "trained = 1")
    let completer = Self.completer(session)
    #expect(completer.complete("tra").candidates == ["trained", "train"])
    #expect(completer.complete("train(ep") == (token: "ep", candidates: ["epochs: "]))
    #expect(completer.complete("run.best_").candidates == ["best_epoch", "best_loss"])
  }

  @Test func replacementsFitTheWordLibEditReplaces() {
    let completer = Self.completer()
    // libedit's word is shorter than the token: it broke the path at `-`, say.
    #expect(
      completer.replacements(of: "ir", textBeforeCursor: "f(\"data/ir") == ["iris.csv", "irises/"])
    // libedit's word is longer than the token: `.` does not break words for libedit.
    #expect(
      completer.replacements(of: "run.best_", textBeforeCursor: "x = run.best_")
        == ["run.best_epoch", "run.best_loss"])
    #expect(completer.replacements(of: "", textBeforeCursor: "f(\"") == ["dance.txt", "data/"])
  }

  @Test func commonPrefixIsByCharacters() {
    #expect(commonPrefix(of: ["best_epoch", "best_loss"]) == "best_")
    #expect(commonPrefix(of: ["naïve", "naïf"]) == "naï")
    #expect(commonPrefix(of: ["solo"]) == "solo")
    #expect(commonPrefix(of: []) == "")
  }
}
