import Foundation
import Language
import Notebook
import REPL
import Support
import TestSupport
import Testing

/// `:save` and `:load` at the plain prompt over the real language session. (An extension of
/// `TranscriptTests`, so that it runs serially with the other users of Ctrl-C's flag.)
extension TranscriptTests {
  /// Replays the notebook at `path` in a fresh session and checks it against its recording.
  static func replayChecks(_ path: String, sourceLocation: SourceLocation = #_sourceLocation)
    throws
  {
    let notebook = try Notebook(contentsOf: path)
    let replay = Replay(notebook, runner: try SessionRunner(for: notebook, at: path))
    #expect(replay.passes, "\(replay.report(file: path))", sourceLocation: sourceLocation)
  }

  @Test func savedSessionReplaysAndChecks() throws {
    try withTemporaryFolder("repl-notebooks") { url in
      let folder = url.path
      let script = """
        data = moons(n: 40, noise: 0.2)
        steps = []
        for k in range(1, 4) {
          steps = steps + [sqrt(k) / 3]
        }
        print("mean step {mean(steps)}")
        sqrt(-1)
        :save \(folder)/session
        y = 2
        :save \(folder)/session.md

        """
      let printed = Self.languageTranscript(of: script)
      #expect(printed.contains("Saved 5 cells to \(folder)/session.md;"), "\(printed)")
      #expect(printed.contains("Saved 6 cells to \(folder)/session.md;"), "\(printed)")
      let notebook = try Notebook(contentsOf: folder + "/session.md")
      #expect(notebook.cells.map(\.source).first == "data = moons(n: 40, noise: 0.2)")
      #expect(notebook.cells.count == 6)
      #expect(notebook.cells[4].markers.expectedError?.isEmpty == false)
      try Self.replayChecks(folder + "/session.md")
    }
  }

  @Test func loadRunsANotebooksCellsIntoTheSession() throws {
    try withTemporaryFolder("repl-notebooks") { url in
      let folder = url.path
      let notebook = """
        # Two cells

        ```trainbook
        rate = 0.5
        ```

        <!-- skip -->
        ```trainbook
        never_defined = 1
        ```

        ```trainbook
        for k in [1, 2] {
          print(k * rate)
        }
        ```
        """
      try writeAtomically(notebook.utf8, to: folder + "/two.md")
      expectSameLines(
        Self.languageTranscript(of: ":load \(folder)/two.md\nrate * 4\n:vars\n"),
        """
        trainbook> :load \(folder)/two.md
        trainbook> rate = 0.5
        rate: 0.5
        trainbook> for k in [1, 2] {
           ...>   print(k * rate)
           ...> }
        0.5
        1
        Ran 2 cells from \(folder)/two.md.
        trainbook> rate * 4
        2
        trainbook> :vars
        rate  number  0.5
        k     number  2
        trainbook> \n
        """)
    }
  }

  @Test func loadThenSaveKeepsTheLoadedCells() throws {
    try withTemporaryFolder("repl-notebooks") { url in
      let folder = url.path
      try writeAtomically("```trainbook\nx = 2\n```\n".utf8, to: folder + "/first.md")
      _ = Self.languageTranscript(
        of: ":load \(folder)/first.md\ny = x * 3\n:save \(folder)/both.md\n")
      let saved = try Notebook(contentsOf: folder + "/both.md")
      #expect(saved.cells.map(\.source) == ["x = 2", "y = x * 3"])
      try Self.replayChecks(folder + "/both.md")
    }
  }

  @Test func loadConfinesFilesToTheNotebooksFolderAndStopsAtAFailure() throws {
    try withTemporaryFolder("repl-notebooks") { url in
      let folder = url.path
      try FileManager.default.createDirectory(
        atPath: folder + "/book", withIntermediateDirectories: true)
      let notebook = """
        ```trainbook
        data = moons(n: 10, seed: 1)
        save_csv(data, "inside.csv")
        ```

        ```trainbook
        save_csv(data, "../escape.csv")
        ```

        ```trainbook
        after = 1
        ```
        """
      try writeAtomically(notebook.utf8, to: folder + "/book/escape.md")
      let printed = Self.languageTranscript(
        of: ":load \(folder)/book/escape.md\nsave_csv(data, \"\(folder)/outside.csv\")\n")
      #expect(printed.contains("cannot use \"../escape.csv\": it leads outside"), "\(printed)")
      #expect(
        printed.contains("Stopped at cell 2 (\(folder)/book/escape.md, line 6) after its failure"),
        "\(printed)")
      #expect(!printed.contains("after = 1"))
      #expect(FileManager.default.fileExists(atPath: folder + "/book/inside.csv"))
      #expect(!FileManager.default.fileExists(atPath: folder + "/escape.csv"))
      // Once the notebook has run, the learner's own paths are used as written again.
      #expect(FileManager.default.fileExists(atPath: folder + "/outside.csv"))
    }
  }

  @Test func saveAndLoadExplainWhatIsMissing() throws {
    try withTemporaryFolder("repl-notebooks") { url in
      let folder = url.path
      try writeAtomically("```trainbook\nx = 1\n".utf8, to: folder + "/broken.md")
      try writeAtomically("# My notes\n".utf8, to: folder + "/notes.md")
      expectSameLines(
        Self.languageTranscript(
          of: ":save\n:save \(folder)/empty.md\n:load\n:load \(folder)/none.md\n"
            + ":load \(folder)/broken.md\nx = 1\n:save \(folder)/notes.md\n"
            + ":save \(folder)/data.csv\n"),
        """
        trainbook> :save
        `:save` needs a file name, such as `:save moons.md`.
        trainbook> :save \(folder)/empty.md
        Nothing to save yet: run a cell first.
        trainbook> :load
        `:load` needs a notebook's file name, such as `:load notebooks/moons.md`.
        trainbook> :load \(folder)/none.md
        There is no notebook at \(folder)/none.md.
        trainbook> :load \(folder)/broken.md
        Could not load \(folder)/broken.md:1: unclosed fence: the ```trainbook block opened \
        here never closes with ```
        trainbook> x = 1
        x: 1
        trainbook> :save \(folder)/notes.md
        \(folder)/notes.md exists and is not a trainbook notebook; choose another name.
        trainbook> :save \(folder)/data.csv
        `:save` writes a Markdown notebook; give the file the extension .md.
        trainbook> \n
        """)
      #expect(!FileManager.default.fileExists(atPath: folder + "/empty.md"))
      #expect(!FileManager.default.fileExists(atPath: folder + "/data.csv"))
      #expect(try String(contentsOfFile: folder + "/notes.md", encoding: .utf8) == "# My notes\n")
    }
  }
}
