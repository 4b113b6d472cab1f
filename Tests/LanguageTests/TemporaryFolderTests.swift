import Foundation
import TestSupport
import Testing

/// The shared temporary folder of tests is removed whether the test body returns or throws.
struct TemporaryFolderTests {
  struct Failure: Error {}

  @Test func theFolderExistsInsideAndIsGoneAfter() throws {
    let used = try withTemporaryFolder("trainbook-folder-check") { folder in
      try Data("x".utf8).write(to: folder.appendingPathComponent("file"))
      #expect(FileManager.default.fileExists(atPath: folder.path + "/file"))
      return folder
    }
    #expect(!FileManager.default.fileExists(atPath: used.path))
  }

  @Test func theFolderIsGoneAfterAThrow() {
    var used: URL?
    #expect(throws: Failure.self) {
      try withTemporaryFolder { folder in
        used = folder
        throw Failure()
      }
    }
    #expect(used.map { FileManager.default.fileExists(atPath: $0.path) } == false)
  }
}
