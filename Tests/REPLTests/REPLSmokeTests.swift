import REPL
import Testing

@Test func replModuleLinks() {
  #expect(String(describing: REPLModule.self) == "REPLModule")
}
