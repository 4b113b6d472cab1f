import REPL
import Testing

@Suite struct TerminalTests {
  @Test func coloursFollowTheTerminalAndNoColor() {
    #expect(Style.detect(isTerminal: true, environment: ["TERM": "xterm"]).usesColor)
    #expect(!Style.detect(isTerminal: false, environment: [:]).usesColor)
    #expect(!Style.detect(isTerminal: true, environment: ["NO_COLOR": "1"]).usesColor)
    #expect(Style.detect(isTerminal: true, environment: ["NO_COLOR": ""]).usesColor)
    #expect(!Style.detect(isTerminal: true, environment: ["TERM": "dumb"]).usesColor)
  }

  @Test func escapeCodesAreRemoved() {
    #expect("\u{1B}[1;31mbad\u{1B}[0m!".withoutEscapeCodes == "bad!")
    #expect("a\u{1B}[2Kb\u{1B}7c".withoutEscapeCodes == "abc")
    #expect("plain ünïcode".withoutEscapeCodes == "plain ünïcode")
  }

  @Test func historyFileComesFromTheEnvironmentOrHome() {
    #expect(HistoryFile.path(environment: ["HOME": "/home/ada"]) == "/home/ada/.trainbook_history")
    #expect(HistoryFile.path(environment: ["HOME": "/"]) == "/.trainbook_history")
    #expect(
      HistoryFile.path(environment: ["HOME": "/home/ada", "TRAINBOOK_HISTORY": "/data/h"])
        == "/data/h")
    #expect(HistoryFile.path(environment: ["TRAINBOOK_HISTORY": ""]) == nil)
  }

  @Test func promptColoursAreMarkedAsTakingNoColumns() {
    let prompt = Style(usesColor: true).prompt("trainbook> ")
    #expect(
      EditLineReader.markingInvisibleCodes(in: prompt)
        == "\u{1}\u{1B}[1;36m\u{2}trainbook> \u{1}\u{1B}[0m\u{2}")
  }

  @Test func commandLookUpTakesPrefixesAndSuggests() {
    let registry = CommandRegistry.standard
    guard case .found(let quit) = registry.lookUp("q") else {
      Issue.record("`:q` should find `:quit`")
      return
    }
    #expect(quit.name == "quit")
    guard case .ambiguous(let names) = registry.lookUp("h") else {
      Issue.record("`:h` should be ambiguous")
      return
    }
    #expect(names == ["help", "history"])
    guard case .unknown(let suggestion) = registry.lookUp("vras") else {
      Issue.record("`:vras` should be unknown")
      return
    }
    #expect(suggestion == "vars")
  }
}
