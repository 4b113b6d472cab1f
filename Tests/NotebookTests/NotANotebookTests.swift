import Foundation
import Notebook
import TestSupport
import Testing

/// Files that are not trainbook notebooks, as bytes, with the whole message each must fail with.
let notANotebookCases: [(name: String, bytes: [UInt8], message: String)] = [
  (
    "empty file", [],
    "x.md:1: the file is empty; a notebook holds ```trainbook cells (`:save` writes one)"
  ),
  (
    "blank lines only", Array(" \n\n\t\n".utf8),
    "x.md:1: the file is empty; a notebook holds ```trainbook cells (`:save` writes one)"
  ),
  (
    "Jupyter notebook",
    Array(
      "\n{\n \"cells\": [],\n \"metadata\": {},\n \"nbformat\": 4,\n \"nbformat_minor\": 5\n}\n"
        .utf8),
    "x.md:2: this is a Jupyter notebook (.ipynb JSON), not a trainbook notebook; trainbook "
      + "reads the Markdown notebooks that `:save` writes"
  ),
  (
    "other JSON", Array("[1, 2, 3]\n".utf8),
    "x.md:1: this is JSON, not a trainbook notebook (Markdown with ```trainbook cells)"
  ),
  (
    "prose without cells", Array("# Notes\n\nNo code here.\n<!-- skip -->\n".utf8),
    "x.md:1: no ```trainbook cell in 4 lines of text; a notebook's code goes in blocks fenced "
      + "with ```trainbook"
  ),
  (
    "not UTF-8", Array("# T\n\n```trainbook\nx = \"".utf8) + [0xFF] + Array("\"\n```\n".utf8),
    "x.md:4:6: the file is not UTF-8 text (byte 0xFF here); a notebook is a Markdown file saved "
      + "as UTF-8"
  ),
  (
    "Latin-1 after CR lines", Array("# T\r\rcaf".utf8) + [0xE9, 0x0D],
    "x.md:3:4: the file is not UTF-8 text (byte 0xE9 here); a notebook is a Markdown file saved "
      + "as UTF-8"
  ),
  (
    "UTF-8 cut short", Array("```trainbook\nx\n```\n".utf8) + [0xE2, 0x82],
    "x.md:4:1: the file is not UTF-8 text (byte 0xE2 here); a notebook is a Markdown file saved "
      + "as UTF-8"
  ),
]

@Test(arguments: notANotebookCases.indices)
func filesThatAreNotNotebooksFailWithWhatWasFound(index: Int) throws {
  let example = notANotebookCases[index]
  try withTemporaryFolder("not-a-notebook") { folder in
    let path = folder.path + "/x.md"
    try Data(example.bytes).write(to: URL(fileURLWithPath: path))
    do {
      _ = try Notebook(contentsOf: path)
      Issue.record("\(example.name): read as a notebook")
    } catch let error as NotebookError {
      #expect(error.description == folder.path + "/" + example.message, "\(example.name)")
    }
  }
}

@Test func missingFilesAndFoldersAreNamedPlainly() throws {
  try withTemporaryFolder("not-a-notebook") { folder in
    #expect(throws: NotebookError(file: folder.path + "/none.md", line: 0, "no such file")) {
      try Notebook(contentsOf: folder.path + "/none.md")
    }
    let refusal = NotebookError(file: folder.path, line: 0, "this is a folder, not a notebook file")
    #expect(throws: refusal) { try Notebook(contentsOf: folder.path) }
    #expect(refusal.description == folder.path + ": this is a folder, not a notebook file")
  }
}

/// The same notebook with LF, CRLF and CR line endings (and a byte-order mark) reads as one.
@Test func lineEndingsReadAlike() throws {
  let lf =
    "# Title\n\n<!-- skip -->\n```trainbook\nx = 1\ny = 2\n```\n\n<!-- output -->\n"
    + "```output\nx: 1\n```\n"
  let notebook = try Notebook(parsing: lf)
  #expect(notebook.cells.count == 1)
  #expect(notebook.cells[0].source == "x = 1\ny = 2")
  #expect(notebook.cells[0].markers.skip)
  #expect(notebook.cells[0].outputs == [.text("x: 1")])
  for ending in ["\r\n", "\r"] {
    let text = lf.replacingOccurrences(of: "\n", with: ending)
    #expect(try Notebook(parsing: text) == notebook, "\(ending.debugDescription)")
    try withTemporaryFolder("line-endings") { folder in
      let path = folder.path + "/x.md"
      try Data([0xEF, 0xBB, 0xBF] + Array(text.utf8)).write(to: URL(fileURLWithPath: path))
      #expect(try Notebook(contentsOf: path) == notebook, "\(ending.debugDescription)")
    }
  }
}

/// Shapes that made the parser look at each line again from every line before it: long runs of
/// markers with no cell below, blank lines, and unclosed-looking comments. At these sizes a
/// quadratic parser takes many minutes; a linear one a fraction of a second (the `parse`
/// benchmark measures it).
@Test func largeNotebooksParseInOnePass() throws {
  let markers = String(repeating: "<!-- skip -->\n", count: 40_000)
  let blanks = String(repeating: "\n", count: 40_000)
  let cells = (0..<20_000).map { "<!-- tolerance: 0.1 -->\n```trainbook\nx = \($0)\n```\n" }
  let text = markers + "prose\n" + blanks + cells.joined(separator: "\n") + blanks + markers
  let notebook = try Notebook(parsing: text)
  #expect(notebook.cells.count == 20_000)
  #expect(notebook.cells.last?.source == "x = 19999")
  #expect(notebook.cells.last?.markers.tolerance == .absolute(0.1))
  #expect(notebook.blocks.count == 20_002)
}
