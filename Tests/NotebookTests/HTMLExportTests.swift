import Language
import Notebook
import Testing

@Test func htmlIsOneSelfContainedPage() {
  let html = sampleExport().html()
  #expect(html.hasPrefix("<!DOCTYPE html>"))
  #expect(html.contains("<style>"))
  for external in ["href=\"http", "<script", "<link", "src=", "@import", "url("] {
    #expect(!html.contains(external), "page refers to \(external)")
  }
  #expect(html.contains("<title>Moons</title>"))
}

@Test func htmlShowsCellsOutputsAndMarkers() {
  let html = sampleExport().html()
  #expect(html.contains("<h1>Moons</h1>"))
  #expect(html.contains("<p>A <em>short</em> session.</p>"))
  #expect(html.contains("<span class=\"f\">plot</span>(run)"))
  #expect(html.contains("<figure class=\"chart\"><svg></svg></figure>"))
  #expect(html.contains("<pre class=\"error\">line 1, column 16"))
  #expect(html.contains("<span class=\"marker\">not run on replay</span>"))
  #expect(html.contains("<pre class=\"timing\">time: 0.42 s</pre>"))
}

@Test func chartsWithoutSVGShowTheirTerminalRendering() {
  let html = ExportedNotebook(recordSampleSession()).html()
  #expect(html.contains("<pre class=\"chart\">loss\n0.69 ┤╮"))
  #expect(!html.contains("<svg"))
}

@Test func proseAndOutputsCannotInjectMarkup() {
  let cell = CodeCell(source: "x", outputs: [.text("<b>bold</b>"), .chart("c")])
  let notebook = Notebook(
    metadata: NotebookMetadata(),
    blocks: [
      .prose("# <script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x>"), .cell(cell),
    ])
  let hostile = "<svg onload=\"alert(1)\"><script>alert(2)</script></svg>"
  let runner = ScriptedRunner(["x": [.text("<b>bold</b>"), .chart(terminal: "c", svg: hostile)]])
  let html = ExportedNotebook(notebook, replay: Replay(notebook, runner: runner)).html()
  #expect(!html.contains("<script"))
  #expect(!html.contains("<img"))
  #expect(!html.contains("<svg"))
  #expect(!html.contains("href=\"javascript"))
  #expect(html.contains("&lt;b&gt;bold&lt;/b&gt;"))
}

@Test func markdownProseRendersItsCommonParts() {
  let notebook = Notebook(
    metadata: NotebookMetadata(),
    blocks: [
      .prose(
        """
        ## Steps

        - one **two**
        - `three`

        1. first
        2. [docs](https://example.org/a)

        > quoted

        | a | b |
        | - | - |
        | 1 | 2 |

        ```sh
        make test
        ```
        """)
    ])
  let html = ExportedNotebook(notebook).html()
  #expect(html.contains("<h2>Steps</h2>"))
  #expect(html.contains("<ul><li>one <strong>two</strong></li><li><code>three</code></li></ul>"))
  #expect(
    html.contains("<ol><li>first</li><li><a href=\"https://example.org/a\">docs</a></li></ol>"))
  #expect(html.contains("<blockquote><p>quoted</p></blockquote>"))
  #expect(
    html.contains(
      "<thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr>"))
  #expect(html.contains("<pre class=\"prose-code\"><code>make test</code></pre>"))
}

@Test func chartSVGsAreInlinedWithoutTheirXMLDeclaration() {
  let svg = """
    <?xml version="1.0" encoding="UTF-8"?>
    <svg xmlns="http://www.w3.org/2000/svg" width="640"><text>one layer</text></svg>
    """
  let notebook = Notebook(
    metadata: NotebookMetadata(), blocks: [.cell(CodeCell(source: "x", outputs: [.chart("c")]))])
  let runner = ScriptedRunner(["x": [.chart(terminal: "c", svg: svg)]])
  let html = ExportedNotebook(notebook, replay: Replay(notebook, runner: runner)).html()
  #expect(html.contains("<figure class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\""))
  #expect(!html.contains("<?xml"))
}

@Test func underscoresInsideNamesAreNotEmphasis() {
  let notebook = Notebook(
    metadata: NotebookMetadata(), blocks: [.prose("watch val_loss and train_loss, _not_ 2*3*4")])
  #expect(
    ExportedNotebook(notebook).html().contains(
      "<p>watch val_loss and train_loss, <em>not</em> 2*3*4</p>"))
}
