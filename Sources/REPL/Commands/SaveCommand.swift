import Foundation
import Notebook

extension ColonCommand {
  /// `:save FILE`: writes every cell run since the start (or the last `:reset`), each with what
  /// it printed, as a Markdown notebook that `trainbook replay --check` reproduces.
  ///
  /// A cell that failed is saved with an `expect-error` marker, so the replay expects the same
  /// failure. The file is written atomically: an existing notebook is replaced whole or not at
  /// all.
  public static let save = ColonCommand(
    name: "save", arguments: "FILE", summary: "write the session so far as a notebook",
    takesFileName: true
  ) { argument, context in
    guard let path = notebookPath(argument) else {
      context.console.error("`:save` needs a file name, such as `:save moons.md`.")
      return
    }
    guard !context.cells.isEmpty else {
      context.console.error("Nothing to save yet: run a cell first.")
      return
    }
    if let refusal = overwriteRefusal(path) {
      context.console.error(refusal)
      return
    }
    let recorder = NotebookRecorder()
    for cell in context.cells { recorder.record(source: cell.source, outputs: cell.outputs) }
    do {
      try recorder.notebook().write(to: path)
    } catch {
      context.console.error("Could not save \(path): \(error)")
      return
    }
    let count = context.cells.count
    context.savedCellCount = count
    context.console.line(
      "Saved \(count) cell\(count == 1 ? "" : "s") to \(path); "
        + "`trainbook replay \(path) --check` checks it still runs the same.")
  }
}

/// Why `:save` must not write to `path`, or nil: notebooks are Markdown files (`.md`), and an
/// existing file is replaced only if trainbook saved it (it starts with notebook metadata), so a
/// typo cannot overwrite a data file or someone's notes.
private func overwriteRefusal(_ path: String) -> String? {
  guard path.hasSuffix(".md") else {
    return "`:save` writes a Markdown notebook; give the file the extension .md."
  }
  guard FileManager.default.fileExists(atPath: path) else { return nil }
  let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
  guard text.hasPrefix("<!-- trainbook") else {
    return "\(path) exists and is not a trainbook notebook; choose another name."
  }
  return nil
}

/// The file a `:save` or `:load` argument names: quotes around it removed, `~/` expanded, and
/// `.md` added to a name without an extension; nil when no name is given.
func notebookPath(_ argument: String) -> String? {
  var name = argument
  if name.count >= 2, name.first == name.last, name.first == "\"" || name.first == "'" {
    name = String(name.dropFirst().dropLast())
  }
  guard !name.isEmpty else { return nil }
  if name.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] {
    name = home + name.dropFirst()
  }
  let file = URL(fileURLWithPath: name).lastPathComponent
  return file.contains(".") ? name : name + ".md"
}
