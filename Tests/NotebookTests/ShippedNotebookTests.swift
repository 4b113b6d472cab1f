import Foundation
import Notebook
import Support
import Testing

/// The worked examples in the repository's `notebooks/` folder.
func shippedNotebooks() throws -> [String] {
  let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("notebooks")
  return try FileManager.default.contentsOfDirectory(atPath: folder.path)
    .filter { $0.hasSuffix(".md") }.sorted().map { folder.appendingPathComponent($0).path }
}

/// Each shipped notebook replays as recorded, and its Jupyter export validates against nbformat
/// 4.5.
@Test func everyShippedNotebookReplaysAsRecorded() throws {
  let paths = try shippedNotebooks()
  #expect(paths.count >= 7)
  let schema = try nbformatSchema()
  for path in paths {
    let notebook = try Notebook(contentsOf: path)
    let replay = Replay(notebook, runner: try SessionRunner(for: notebook, at: path))
    #expect(replay.passes, "\(replay.report(file: path))")
    let ipynb = try JSONValue.parse(ExportedNotebook(notebook, replay: replay).ipynb())
    #expect(schema.errors(ipynb) == [], "\(path)")
  }
}

@Test func changingOneRecordedNumberInAShippedNotebookFailsExactlyThatCell() throws {
  let path = try #require(
    try shippedNotebooks().first { $0.hasSuffix("gradient-descent-by-hand.md") })
  let text = try String(contentsOfFile: path, encoding: .utf8)
  let edited = text.replacingOccurrences(of: "lr 1.1: x = -112.0128", with: "lr 1.1: x = -112.0129")
  #expect(edited != text)
  let notebook = try Notebook(parsing: edited)
  let replay = Replay(notebook, runner: SessionRunner(seed: notebook.metadata.seed))
  #expect(replay.failures.map(\.number) == [2])
  #expect(replay.report(file: "nb.md").contains("- lr 1.1: x = -112.0129, loss 13227.9441"))
}

@Test func changingOneTrainedNumberFailsExactlyThatCell() throws {
  let path = try #require(try shippedNotebooks().first { $0.hasSuffix("digits-confusion.md") })
  let text = try String(contentsOfFile: path, encoding: .utf8)
  let edited = text.replacingOccurrences(
    of: "```output\nloss 0.1586, accuracy 0.9471\n```",
    with: "```output\nloss 0.1586, accuracy 0.9472\n```")
  #expect(edited != text)
  let notebook = try Notebook(parsing: edited)
  let replay = Replay(notebook, runner: try SessionRunner(for: notebook, at: path))
  #expect(replay.failures.map(\.number) == [3], "\(replay.report(file: "digits.md"))")
}
