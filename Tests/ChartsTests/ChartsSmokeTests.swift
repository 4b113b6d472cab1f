import Charts
import Testing

@Test func chartsModuleLinks() {
  #expect(String(describing: ChartsModule.self) == "ChartsModule")
}
