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
    if let refusal = overwriteRefusal(path) ?? filesRefusal(path, cells: context.cells) {
      context.console.error(refusal)
      return
    }
    let recorder = NotebookRecorder()
    for cell in context.cells {
      recorder.record(source: cell.source, outputs: cell.outputs, interruption: cell.interruption)
    }
    do {
      try recorder.notebook().write(to: path)
    } catch {
      context.console.error("Could not save \(path): \(error)")
      return
    }
    let count = context.cells.count
    context.savedCellCount = count
    for (offset, cell) in context.cells.enumerated() where cell.interruption == .outsideTraining {
      context.console.line(
        "Note: Ctrl-C stopped cell \(offset + 1) outside training, where a replay cannot stop "
          + "at the same point; it is saved marked `interrupted`, and replay skips it.")
    }
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

/// Why `:save` must not write the notebook to `path`, or nil: a replay reads files from the
/// notebook's folder, so a session whose cells read files from its folder must be saved there
/// (a saved notebook never refers to a file it cannot replay).
private func filesRefusal(_ path: String, cells: [RecordedCell]) -> String? {
  let destination = URL(fileURLWithPath: path).deletingLastPathComponent()
    .resolvingSymlinksInPath().path
  guard
    let (offset, cell) = cells.enumerated().first(where: {
      $0.element.readsFrom.map { $0 != destination } ?? false
    }), let folder = cell.readsFrom
  else { return nil }
  let name = URL(fileURLWithPath: path).lastPathComponent
  return "Cell \(offset + 1) reads files from \(folder), and a replay looks for them beside the "
    + "notebook; save it in that folder: `:save \(folder)/\(name)`."
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
