import Foundation
import Language
import Notebook
import TestSupport
import Testing

let sampleMarkdown = """
  <!-- trainbook
  version: 0.1.0
  saved: 2026-11-24T19:30:00Z
  seed: 7
  -->

  # Two moons

  Some prose with `code`.

  ```trainbook
  data = moons(n: 400)
  ```

  <!-- output -->
  ```output
  data: 400 samples
  ```

  ```output timing
  0.1 s
  ```

  Between cells.

  ```python
  print("not a cell")
  ```

  <!-- skip -->
  <!-- tolerance: relative 0.001 -->
  ```trainbook
  fit(net)
  ```

  ```trainbook
  x = 1
  ```

  """

@Test func parsesEveryPartOfTheFormat() throws {
  let notebook = try Notebook(parsing: sampleMarkdown)
  #expect(
    notebook.metadata == NotebookMetadata(version: "0.1.0", saved: "2026-11-24T19:30:00Z", seed: 7))
  #expect(notebook.blocks.count == 5)
  #expect(notebook.blocks[0] == .prose("# Two moons\n\nSome prose with `code`."))
  let cells = notebook.cells
  #expect(cells.map(\.source) == ["data = moons(n: 400)", "fit(net)", "x = 1"])
  #expect(cells.map(\.line) == [11, 32, 36])
  #expect(cells[0].outputs == [.text("data: 400 samples"), .timing("0.1 s")])
  #expect(cells[1].markers == CellMarkers(skip: true, tolerance: .relative(0.001)))
  #expect(cells[2].outputs.isEmpty)
  #expect(notebook.blocks[2] == .prose("Between cells.\n\n```python\nprint(\"not a cell\")\n```"))
}

@Test func writingThenParsingGivesTheSameNotebook() throws {
  let notebook = Notebook(
    metadata: NotebookMetadata(version: "0.1.0", saved: "2026-01-02T03:04:05Z", seed: 42),
    blocks: [
      .prose("# Title\n\nProse."),
      .cell(
        CodeCell(
          source: "print(\"```\")\nx = 2",
          markers: CellMarkers(
            skip: true, ignoreOutput: true, expectedError: "no argument", tolerance: .absolute(0.01)
          ),
          outputs: [
            .text("```\nfenced ```` inside"), .chart("┤╮\n┤╰──"), .timing("1 s"),
            .progress("epoch 1"), .error("oops"), .text(""), .text("\n trailing blank\n"),
          ])),
      .cell(CodeCell(source: "", markers: CellMarkers(expectedError: ""), outputs: [])),
      .prose("More prose."),
      .cell(CodeCell(source: "y", markers: CellMarkers(tolerance: .exact))),
    ])
  let reread = try Notebook(parsing: notebook.markdown)
  #expect(reread == notebook)
  #expect(reread.markdown == notebook.markdown)
}

@Test func parsedNotebooksWriteBackUnchangedExceptForLayout() throws {
  let notebook = try Notebook(parsing: sampleMarkdown)
  #expect(try Notebook(parsing: notebook.markdown) == notebook)
}

@Test func aFileWithoutMetadataReadsAsThisVersion() throws {
  let notebook = try Notebook(parsing: "```trainbook\nx = 1\n```\n")
  #expect(notebook.metadata == NotebookMetadata())
  #expect(notebook.cells.count == 1)
}

@Test func outputFencesGrowPastBackticksInTheContent() throws {
  let cell = CodeCell(source: "s", outputs: [.text("````")])
  let markdown = Notebook(metadata: NotebookMetadata(), blocks: [.cell(cell)]).markdown
  #expect(markdown.contains("`````output\n````\n`````"))
}

@Test func writesAtomicallyAndReadsBack() throws {
  try withTemporaryFolder("notebook-tests") { url in
    let folder = url.path
    let path = folder + "/saved.md"
    let notebook = try Notebook(parsing: sampleMarkdown)
    try notebook.write(to: path)
    try notebook.write(to: path)
    #expect(try Notebook(contentsOf: path) == notebook)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["saved.md"])
  }
}
