import Foundation
import REPL
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct LineSourceTests {
  @Test func standardInputLinesSplitsChunksAndKeepsALastLineWithoutNewline() throws {
    var ends: [Int32] = [0, 0]
    try #require(pipe(&ends) == 0)
    let lines = StandardInputLines(descriptor: ends[0])
    let text = "x = 1\nprint(\"é\")\n" + String(repeating: "a", count: 5000) + "\nlast"
    var bytes = Array(text.utf8)
    #expect(write(ends[1], &bytes, bytes.count) == bytes.count)
    close(ends[1])
    #expect(lines.next() == .line("x = 1"))
    #expect(lines.next() == .line("print(\"é\")"))
    #expect(lines.next() == .line(String(repeating: "a", count: 5000)))
    #expect(lines.next() == .line("last"))
    #expect(lines.next() == .endOfInput)
    #expect(lines.next() == .endOfInput)
    close(ends[0])
  }

  @Test func editLineHistoryPersistsThroughItsFile() throws {
    try withTemporaryFolder("trainbook-history") { url in
      let folder = url.path
      let path = folder + "/history"
      let first = EditLineReader(historyPath: path) { _, _ in [] }
      first.remember("x = 1")
      first.remember("for i in [1, 2] {\n  print(i)\n}")
      #expect(first.history == ["x = 1", "for i in [1, 2] {\n  print(i)\n}"])
      let second = EditLineReader(historyPath: path) { _, _ in [] }
      #expect(second.history == ["x = 1", "for i in [1, 2] {\n  print(i)\n}"])
      let leftovers = FolderEntry.list(folder)?.map(\.name)
      #expect(leftovers == ["history"])
    }
  }
}
