import Foundation
import Support
import Testing

/// The one file writer: whole files only, never through a link at the destination, and what a
/// killed save left behind is removed at the next save to the same place.
@Suite struct AtomicWriteTests {
  private func folder() throws -> String {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("trainbook-write-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  @Test func writesTheWholeFileAndNoTemporaryStays() throws {
    let place = try folder()
    try writeAtomically(Array(repeating: 7, count: 100_000), to: place + "/w.bin")
    try writeAtomically([1, 2, 3], to: place + "/w.bin")
    #expect(FileManager.default.contents(atPath: place + "/w.bin") == Data([1, 2, 3]))
    #expect(try FileManager.default.contentsOfDirectory(atPath: place) == ["w.bin"])
  }

  @Test func leftoversOfAKilledSaveAreRemovedAtTheNextSave() throws {
    let place = try folder()
    // A process id above Linux's largest (2²²) belongs to no process: its save was killed.
    let dead = place + "/.w.bin.4999999.\(UUID().uuidString).tmp"
    let running = place + "/.w.bin.\(getpid()).\(UUID().uuidString).tmp"
    let foreign = place + "/.w.bin.notes.tmp"
    let other = place + "/.x.bin.4999999.\(UUID().uuidString).tmp"
    for path in [dead, running, foreign, other] {
      #expect(FileManager.default.createFile(atPath: path, contents: Data([0])))
    }
    try writeAtomically([1], to: place + "/w.bin")
    let left = Set(try FileManager.default.contentsOfDirectory(atPath: place))
    #expect(!left.contains(URL(fileURLWithPath: dead).lastPathComponent))
    for kept in [running, foreign, other] {
      #expect(left.contains(URL(fileURLWithPath: kept).lastPathComponent), "\(kept)")
    }
  }

  @Test func aLinkAtTheDestinationIsReplacedNotFollowed() throws {
    let place = try folder()
    let victim = try folder() + "/victim.txt"
    try writeAtomically(Array("keep".utf8), to: victim)
    try FileManager.default.createSymbolicLink(
      atPath: place + "/w.bin", withDestinationPath: victim)
    try writeAtomically([9], to: place + "/w.bin")
    #expect(FileManager.default.contents(atPath: victim) == Data("keep".utf8))
    #expect(FileManager.default.contents(atPath: place + "/w.bin") == Data([9]))
  }

  @Test func aLinkWhereAFolderIsToBeCreatedIsRefused() throws {
    let place = try folder()
    let outside = try folder()
    try FileManager.default.createSymbolicLink(
      atPath: place + "/runs", withDestinationPath: outside)
    #expect(throws: FileWriteError.self) {
      try createFolder(URL(fileURLWithPath: place + "/runs"))
    }
    try createFolder(URL(fileURLWithPath: place + "/fresh/inner"))
    try createFolder(URL(fileURLWithPath: place + "/fresh/inner"))
    // Below a root, a link in any folder between is refused, also one above the last.
    #expect(throws: FileWriteError.self) {
      try createFolder(
        URL(fileURLWithPath: place + "/runs/inner"), below: URL(fileURLWithPath: place))
    }
    #expect(!FileManager.default.fileExists(atPath: outside + "/inner"))
    try createFolder(
      URL(fileURLWithPath: place + "/a/b/c"), below: URL(fileURLWithPath: place))
  }

  @Test func longTextIsAbbreviatedWithACount() {
    #expect(abbreviated("short") == "short")
    let long = String(repeating: "a", count: 1_000_000)
    #expect(abbreviated(long, limit: 10) == "aaaaaaaaaa… (999990 more characters)")
  }
}
