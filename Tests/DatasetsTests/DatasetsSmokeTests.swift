import Datasets
import Testing

@Test func datasetsModuleLinks() {
  #expect(String(describing: DatasetsModule.self) == "DatasetsModule")
}
