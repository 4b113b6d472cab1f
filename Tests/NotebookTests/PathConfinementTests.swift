import Foundation
import Language
import Notebook
import TestSupport
import Testing

/// A notebook that writes beside itself, then tries to write data and charts above its folder
/// and read a system file; the last four cells are marked to fail (their messages name the
/// temporary folder, so their text is not compared).
let escapingNotebook = """
  ```trainbook
  data = moons(n: 10, seed: 1)
  save_csv(data, "inside.csv")
  ```

  <!-- output -->
  ```output
  data: 10 samples × 2 features, binary (moons, noise 0.1, seed 1)
  ```

  <!-- ignore-output -->
  <!-- expect-error: leads outside the session's folder -->
  ```trainbook
  save_csv(data, "../escape.csv")
  ```

  <!-- ignore-output -->
  <!-- expect-error: leads outside the session's folder -->
  ```trainbook
  passwords = load_csv("/etc/passwd")
  ```

  <!-- ignore-output -->
  <!-- expect-error: leads outside the session's folder -->
  ```trainbook
  scatter(data, to: "../escape.svg")
  ```

  <!-- ignore-output -->
  <!-- expect-error: leads outside the session's folder -->
  ```trainbook
  run = fit(mlp(inputs: 2, seed: 1), data, epochs: 1, seed: 1)
  plot(run, to: "runs/../../escape.svg")
  ```
  """

@Test func aReplayedNotebookReadsAndWritesOnlyInItsFolder() throws {
  try withSandboxFolders { root, book in
    let notebook = try Notebook(parsing: escapingNotebook)
    let runner = try SessionRunner(for: notebook, at: book + "/escape.md")
    let replay = Replay(notebook, runner: runner)
    #expect(replay.passes, "\(replay.report(file: "escape.md"))")
    #expect(FileManager.default.fileExists(atPath: book + "/inside.csv"))
    for escaped in ["escape.csv", "escape.svg"] {
      #expect(!FileManager.default.fileExists(atPath: root + "/" + escaped))
    }
    #expect(runner.session.value(of: "passwords") == nil)
  }
}

@Test func aRefusedPathIsALocatedErrorAtItsArgument() throws {
  try withSandboxFolders { root, book in
    let runner = SessionRunner(sandbox: try FileSandbox(folder: book))
    _ = runner.run(cell: "data = moons(n: 10, seed: 1)")
    let written = runner.run(cell: "save_csv(data, \"../escape.csv\")")
    let read = runner.run(cell: "load_csv(\"/etc/passwd\")")
    #expect(
      written == [
        .error(
          """
          line 1, column 16: cannot use "../escape.csv": it leads outside the session's folder; \
          a session reads and writes files only in the folder trainbook started in, as its \
          notebook does in its own folder on replay
            save_csv(data, "../escape.csv")
                           ^~~~~~~~~~~~~~~
          """)
      ])
    guard case .error(let message)? = read.first else {
      Issue.record("reading /etc/passwd did not fail: \(read)")
      return
    }
    #expect(message.hasPrefix("line 1, column 10: cannot use \"/etc/passwd\": it leads outside"))
    #expect(!FileManager.default.fileExists(atPath: root + "/escape.csv"))
  }
}
