import Foundation

extension ExportedNotebook {
  /// The notebook as one self-contained HTML page: inline CSS, inline SVG charts, no scripts and
  /// nothing fetched from the network, so it opens anywhere, offline, as it was saved.
  ///
  /// Prose is rendered from Markdown; each code cell shows its number, its code (lightly
  /// coloured), its markers as small labels, and its recorded output: text as printed, charts as
  /// SVG (or their terminal rendering when not re-drawn), timings and progress in grey, errors
  /// in red.
  public func html() -> String {
    var body: [String] = []
    var number = 0
    for block in notebook.blocks {
      switch block {
      case .prose(let text):
        body.append("<section class=\"prose\">\n\(markdownHTML(text))\n</section>")
      case .cell(let cell):
        body.append(cellHTML(cell, index: number))
        number += 1
      }
    }
    return """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="generator" content="trainbook \(escapeHTML(notebook.metadata.version))">
      <title>\(escapeHTML(title))</title>
      <style>
      \(notebookPageStyle)
      </style>
      </head>
      <body>
      <main>
      \(body.joined(separator: "\n"))
      <footer>\(footer)</footer>
      </main>
      </body>
      </html>

      """
  }

  /// The first heading of the prose, or a generic title.
  var title: String {
    for case .prose(let text) in notebook.blocks {
      for line in text.split(separator: "\n") where line.hasPrefix("#") {
        return line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
      }
    }
    return "trainbook notebook"
  }

  /// The footer's HTML: version, time saved, seed, and how to check the page's numbers.
  private var footer: String {
    let metadata = notebook.metadata
    var parts = ["Saved with trainbook \(escapeHTML(metadata.version))"]
    if let saved = metadata.saved {
      parts[0] +=
        " on "
        + escapeHTML(saved).replacingOccurrences(of: "T", with: " ")
        .replacingOccurrences(of: "Z", with: " UTC")
    }
    if let seed = metadata.seed { parts.append("seed \(seed)") }
    parts.append("check it with <code>trainbook replay --check</code>")
    return parts.joined(separator: " · ")
  }

  private func cellHTML(_ cell: CodeCell, index: Int) -> String {
    let labels = markerLabels(cell.markers).map {
      "<span class=\"marker\">\(escapeHTML($0))</span>"
    }
    var parts = [
      "<section class=\"cell\">",
      "<div class=\"cell-head\"><span class=\"cell-number\">[\(index + 1)]</span>"
        + labels.joined() + "</div>",
      "<pre class=\"code\"><code>\(highlightedCode(cell.source))</code></pre>",
    ]
    if !cell.outputs.isEmpty {
      parts.append("<div class=\"outputs\">")
      for (pieceIndex, piece) in cell.outputs.enumerated() {
        parts.append(pieceHTML(piece, svg: svg(cell: index, piece: pieceIndex)))
      }
      parts.append("</div>")
    }
    parts.append("</section>")
    return parts.joined(separator: "\n")
  }

  private func pieceHTML(_ piece: RecordedPiece, svg: String?) -> String {
    switch piece {
    case .text(let text): return "<pre class=\"text\">\(escapeHTML(text))</pre>"
    case .timing(let text): return "<pre class=\"timing\">time: \(escapeHTML(text))</pre>"
    case .progress(let text): return "<pre class=\"progress\">\(escapeHTML(text))</pre>"
    case .error(let text): return "<pre class=\"error\">\(escapeHTML(text))</pre>"
    case .chart(let terminal):
      guard let svg else { return "<pre class=\"chart\">\(escapeHTML(terminal))</pre>" }
      return "<figure class=\"chart\">\(safeSVG(svg))</figure>"
    }
  }

  private func markerLabels(_ markers: CellMarkers) -> [String] {
    var labels: [String] = []
    if markers.skip { labels.append("not run on replay") }
    if markers.ignoreOutput { labels.append("output not checked") }
    if let expected = markers.expectedError {
      labels.append("expected to fail" + (expected.isEmpty ? "" : ": \(expected)"))
    }
    switch markers.tolerance {
    case .printedPrecision: break
    case .exact: labels.append("numbers checked exactly")
    case .absolute(let amount): labels.append("numbers checked to ±\(amount)")
    case .relative(let fraction): labels.append("numbers checked to ±\(fraction * 100)%")
    }
    return labels
  }
}

/// An SVG document made safe to inline: its XML prolog dropped, and refused (shown as text)
/// if it holds a script, an event handler or a reference to another resource.
func safeSVG(_ svg: String) -> String {
  let lowered = svg.lowercased()
  let forbidden = ["<script", "javascript:", "<foreignobject", "href=\"http", "<iframe"]
  let handler = lowered.range(of: #"\son[a-z]+\s*="#, options: .regularExpression)
  guard !forbidden.contains(where: lowered.contains), handler == nil else {
    return "<pre class=\"chart\">\(escapeHTML(svg))</pre>"
  }
  guard let start = svg.range(of: "<svg") else { return escapeHTML(svg) }
  return String(svg[start.lowerBound...])
}
