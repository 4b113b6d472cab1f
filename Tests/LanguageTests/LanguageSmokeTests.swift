import Language
import Testing

@Test func languageModuleLinks() {
  #expect(String(describing: LanguageModule.self) == "LanguageModule")
}
