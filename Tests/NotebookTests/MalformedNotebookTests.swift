import Notebook
import Testing

/// Each malformed notebook, the line its error points at, and words the message must contain.
let malformedCases: [(name: String, markdown: String, line: Int, words: String)] = [
  ("unclosed cell", "# T\n\n```trainbook\nx = 1\n", 3, "unclosed fence"),
  ("unclosed output", "```trainbook\nx\n```\n<!-- output -->\n```output\n1\n", 5, "unclosed fence"),
  ("unclosed prose fence", "text\n~~~~python\nx\n~~~\n", 2, "unclosed fence"),
  ("longer fence needed", "````trainbook\nx\n```\n", 1, "unclosed fence"),
  ("output without cell", "# T\n\n```output\n1\n```\n", 3, "output block with no cell"),
  (
    "output comment without cell", "prose\n\n<!-- output -->\n```output\n1\n```\n", 3,
    "output block with no cell"
  ),
  (
    "output after prose", "```trainbook\nx\n```\n\nprose\n\n```output\n1\n```\n", 7,
    "output block with no cell"
  ),
  (
    "output comment then nothing", "```trainbook\nx\n```\n<!-- output -->\n\ntext\n", 4,
    "not followed by an ```output block"
  ),
  (
    "unknown output kind", "```trainbook\nx\n```\n<!-- output -->\n```output picture\n1\n```\n", 5,
    "unknown output kind `picture`"
  ),
  (
    "unknown marker", "text\n\n<!-- skip -->\n<!-- ignore-outputs -->\n\n```trainbook\nx\n```\n", 4,
    "unknown marker `ignore-outputs`"
  ),
  ("marker twice", "<!-- skip -->\n<!-- skip -->\n```trainbook\nx\n```\n", 2, "given twice"),
  ("tolerance without amount", "<!-- tolerance -->\n```trainbook\nx\n```\n", 1, "needs an amount"),
  (
    "tolerance not a number", "<!-- tolerance: loose -->\n```trainbook\nx\n```\n", 1,
    "invalid tolerance `loose`"
  ),
  ("skip with argument", "<!-- skip: yes -->\n```trainbook\nx\n```\n", 1, "takes no argument"),
  (
    "interruption without a step", "<!-- interrupted: epoch 3 -->\n```trainbook\nx\n```\n", 1,
    "invalid interruption `epoch 3`: expected e.g. `epoch 15, step 3`"
  ),
  (
    "interruption at epoch 0", "<!-- interrupted: epoch 0, step 1 -->\n```trainbook\nx\n```\n",
    1, "invalid interruption `epoch 0, step 1`"
  ),
  (
    "interrupted twice", "<!-- interrupted -->\n<!-- interrupted -->\n```trainbook\nx\n```\n", 2,
    "given twice"
  ),
  ("metadata unclosed", "<!-- trainbook\nversion: 0.1.0\n", 1, "never closes"),
  (
    "metadata unknown key", "<!-- trainbook\nversion: 0.1.0\ncolour: red\n-->\n", 3,
    "unknown metadata key `colour`"
  ),
  (
    "metadata bad seed", "\n<!-- trainbook\nversion: 0.1.0\nseed: -1\n-->\n", 4, "invalid seed `-1`"
  ),
  (
    "metadata bad time", "<!-- trainbook\nversion: 0.1.0\nsaved: yesterday\n-->\n", 3,
    "invalid saved time"
  ),
  ("metadata without colon", "<!-- trainbook\nversion 0.1.0\n-->\n", 2, "expected `key: value`"),
  ("metadata without version", "<!-- trainbook\nseed: 1\n-->\n", 1, "no `version`"),
  (
    "metadata twice", "<!-- trainbook\nversion: 1\n-->\n# T\n<!-- trainbook\nversion: 1\n-->\n", 5,
    "must be the first thing"
  ),
]

@Test(arguments: malformedCases.indices)
func malformedNotebooksFailWithTheirLine(index: Int) {
  let example = malformedCases[index]
  #expect(throws: NotebookError.self, "\(example.name)") {
    try Notebook(parsing: example.markdown, file: "bad.md")
  }
  do {
    _ = try Notebook(parsing: example.markdown, file: "bad.md")
  } catch {
    #expect(error.line == example.line, "\(example.name): \(error)")
    #expect(error.message.contains(example.words), "\(example.name): \(error)")
    #expect(error.description.hasPrefix("bad.md:\(example.line): "))
  }
}

@Test func ordinaryCommentsInProseAreProse() throws {
  let notebook = try Notebook(parsing: "<!-- a note -->\n\nText.\n\n```trainbook\nx\n```\n")
  #expect(notebook.blocks.first == .prose("<!-- a note -->\n\nText."))
  #expect(notebook.cells.first?.markers == CellMarkers())
}
