import Notebook
import Testing

@Test func notebookModuleLinks() {
  #expect(String(describing: NotebookModule.self) == "NotebookModule")
}
