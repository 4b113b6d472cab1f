import Foundation
import Language
import Notebook
import REPL
import Support
import TestSupport
import Testing

/// One set of file rules for the prompt and for replay. (An extension of `TranscriptTests`, so
/// that it runs serially with the other users of Ctrl-C's flag.)
extension TranscriptTests {
  /// What the prompt prints for `script` when its files are confined to `folder`, as
  /// `trainbook` confines them to the folder it starts in.
  static func confinedTranscript(of script: String, in folder: String) throws -> String {
    let output = CapturedOutput()
    let loop = ReadEvalPrintLoop(
      session: Session(cancellation: Interrupt.flag),
      reader: PlainLineReader(script: script, output: output),
      console: Console(output: output, style: .plain), files: try FileSandbox(folder: folder))
    loop.run()
    return output.text
  }

  /// A path outside the session's folder and a missing file fail at the prompt with exactly the
  /// messages replay gives, so the saved notebook passes its check, here and in another folder.
  @Test func thePromptAndReplayFollowOneSetOfFileRules() throws {
    try withTemporaryFolder("file-rules") { url in
      let folder = url.path
      let printed = try Self.confinedTranscript(
        of: """
          net = mlp(inputs: 2, seed: 1)
          save_weights(net, "/elsewhere/x.safetensors")
          load_weights(net, "missing.safetensors")
          save_weights(net, "net.safetensors")
          load_weights(net, "net.safetensors")
          :save \(folder)/session.md

          """, in: folder)
      let outside =
        "line 1, column 19: cannot use \"/elsewhere/x.safetensors\": it leads outside the "
        + "session's folder; a session reads and writes files only in the folder trainbook "
        + "started in, as its notebook does in its own folder on replay"
      let missing =
        "line 1, column 19: cannot use \"missing.safetensors\": no such file in the session's "
        + "folder"
      #expect(printed.contains(outside + "\n"), "\(printed)")
      #expect(printed.contains(missing + "\n"), "\(printed)")
      #expect(FileManager.default.fileExists(atPath: folder + "/net.safetensors"))
      let notebook = try Notebook(contentsOf: folder + "/session.md")
      #expect(notebook.cells[1].outputs.first?.content.hasPrefix(outside + "\n") == true)
      #expect(notebook.cells[1].markers.expectedError == outside, "the marker holds all of it")
      #expect(notebook.cells[2].outputs.first?.content.hasPrefix(missing + "\n") == true)
      try Self.replayChecks(folder + "/session.md")
      // It reads only what it wrote, so it replays in a folder of its own as well.
      try FileManager.default.createDirectory(
        atPath: folder + "/copy", withIntermediateDirectories: false)
      try FileManager.default.copyItem(
        atPath: folder + "/session.md", toPath: folder + "/copy/session.md")
      try Self.replayChecks(folder + "/copy/session.md")
    }
  }

  /// A session that read a file it did not write must be saved beside that file, where replay
  /// looks for it; `:save` elsewhere is refused with where to save it.
  @Test func aSessionThatReadsFilesIsSavedBesideThem() throws {
    try withTemporaryFolder("file-rules") { url in
      let folder = url.path
      try FileManager.default.createDirectory(
        atPath: folder + "/elsewhere", withIntermediateDirectories: false)
      _ = try Self.confinedTranscript(
        of: "save_csv(moons(n: 20, seed: 1), \"points.csv\")\n", in: folder)
      let printed = try Self.confinedTranscript(
        of: """
          points = load_csv("points.csv")
          :save \(folder)/elsewhere/points.md
          :save \(folder)/points.md

          """, in: folder)
      #expect(
        printed.contains(
          "Cell 1 reads files from \(folder), and a replay looks for them beside the notebook; "
            + "save it in that folder: `:save \(folder)/points.md`."), "\(printed)")
      #expect(!FileManager.default.fileExists(atPath: folder + "/elsewhere/points.md"))
      try Self.replayChecks(folder + "/points.md")
    }
  }
}
