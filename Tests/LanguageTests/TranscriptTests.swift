import Language
import Testing

/// Runs every `.tb` script in `Transcripts/` and compares its output with the `# expect: line`
/// and `# error: heading` comments in it, in Crafting Interpreters' style: each `expect` is one
/// line of printed or echoed output, each `error` the first line of a diagnostic.
struct TranscriptTests {
  /// One line the script must produce.
  enum Line: Equatable, CustomStringConvertible {
    case output(String)
    case error(String)

    var description: String {
      switch self {
      case .output(let text): "expect: \(text)"
      case .error(let text): "error: \(text)"
      }
    }
  }

  static let folder = String(#filePath.dropLast("TranscriptTests.swift".count)) + "Transcripts/"

  static var scripts: [String] {
    (try? listFiles(in: folder).filter { $0.hasSuffix(".tb") }.sorted()) ?? []
  }

  @Test func theFolderHasScripts() {
    #expect(Self.scripts.count >= 8)
  }

  @Test(arguments: scripts) func transcript(_ name: String) throws {
    let source = try readFile(Self.folder + name)
    let expected = source.split(separator: "\n", omittingEmptySubsequences: false).compactMap {
      line -> Line? in
      let text = line.drop(while: { $0 == " " })
      if text.hasPrefix("# expect: ") { return .output(String(text.dropFirst(10))) }
      if text.hasPrefix("# error: ") { return .error(String(text.dropFirst(9))) }
      return nil
    }
    let pieces = Session().run(source, origin: nil)
    let actual = pieces.flatMap { piece -> [Line] in
      switch piece {
      case .text(let text):
        return text.split(separator: "\n", omittingEmptySubsequences: false).map {
          .output(String($0))
        }
      case .error(let text):
        return [.error(String(text.prefix(while: { $0 != "\n" })))]
      default:
        return []
      }
    }
    #expect(actual == expected, "\(name)")
    if actual != expected {
      let diff = zip(actual.indices, actual).filter { index, line in
        index >= expected.count || expected[index] != line
      }.prefix(3).map { "got \($0.1) at \($0.0)" }
      Issue.record("first differences: \(diff)")
    }
  }
}
