import Engine
import Notebook
import Testing

/// Pieces a mutation splices into a notebook: the format's own syntax, half-written.
let syntaxFragments = [
  "```", "````", "~~~", "```trainbook", "```output", "```output chart", "<!-- output -->",
  "<!-- skip -->", "<!-- tolerance: 0.1 -->", "<!-- trainbook", "-->", "<!--", "\n", "\n\n",
  "version: 1", "`", "# ", "| a |", "\r\n", "é", "\u{0}", "   ",
]

/// Mutated notebooks (lines dropped, duplicated, swapped; fragments inserted) never crash the
/// parser: each reads as a notebook or fails with a located error, and every notebook that
/// reads writes back to text that reads as the same notebook.
@Test func mutatedNotebooksParseOrFailCleanly() throws {
  let base = sampleMarkdown.split(separator: "\n", omittingEmptySubsequences: false).map(
    String.init)
  for seed in UInt64(0)..<400 {
    var random = RandomGenerator(seed: seed)
    var lines = base
    for _ in 0..<(1 + random.int(below: 4)) {
      let at = random.int(below: lines.count)
      switch random.int(below: 4) {
      case 0: lines.remove(at: at)
      case 1: lines.insert(lines[at], at: random.int(below: lines.count))
      case 2: lines.swapAt(at, random.int(below: lines.count))
      default:
        let fragment = syntaxFragments[random.int(below: syntaxFragments.count)]
        lines[at] = random.int(below: 2) == 0 ? fragment : lines[at] + fragment
      }
      if lines.isEmpty { lines = [""] }
    }
    let text = lines.joined(separator: "\n")
    do {
      let notebook = try Notebook(parsing: text)
      let reread = try Notebook(parsing: notebook.markdown)
      #expect(reread == notebook, "seed \(seed): writing changed the notebook\n\(text)")
    } catch {
      #expect(error.line >= 1 && error.line <= lines.count + 1, "seed \(seed): \(error)")
    }
  }
}
