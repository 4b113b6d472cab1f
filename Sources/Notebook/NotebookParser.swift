import Foundation

extension Notebook {
  /// Reads a notebook from its Markdown text (the format is described on `Notebook`); CR, CRLF
  /// and LF line endings read alike.
  ///
  /// A file without a metadata block reads as if saved by this version of trainbook. Reading
  /// takes time linear in the length of the text.
  /// - Throws: `NotebookError` with the line of the first problem: an unclosed fence, an output
  ///   block with no cell above it, an unknown or malformed marker, invalid metadata, or no cell
  ///   at all (saying what the text holds instead: nothing, JSON, other text).
  public init(parsing text: String, file: String? = nil) throws(NotebookError) {
    do {
      self = try Notebook(lines: NotebookText.lines(of: text))
    } catch {
      var located = error
      located.file = file
      throw located
    }
  }

  /// Reads a notebook from its lines.
  init(lines: [String]) throws(NotebookError) {
    var parser = NotebookParser(lines: lines)
    self = try parser.parse()
    try NotebookText.checkHoldsCells(lines, cellCount: cells.count)
  }
}

/// A fenced block's opening line: its fence character, length and info string.
struct Fence {
  let character: Character
  let length: Int
  let info: String

  /// The fence that `line` opens, or nil if it opens none (CommonMark: three or more backticks
  /// or tildes after at most three spaces; a backtick fence's info has no backtick).
  init?(opening line: String) {
    let indent = line.prefix { $0 == " " }.count
    guard indent <= 3 else { return nil }
    let rest = line.dropFirst(indent)
    guard let first = rest.first, first == "`" || first == "~" else { return nil }
    let length = rest.prefix { $0 == first }.count
    let info = rest.dropFirst(length).trimmingCharacters(in: .whitespaces)
    guard length >= 3, first == "~" || !info.contains("`") else { return nil }
    self.character = first
    self.length = length
    self.info = info
  }

  /// Whether `line` closes this fence.
  func isClosed(by line: String) -> Bool {
    let start = line.utf8.first { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
    guard start == character.asciiValue else { return false }
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    let run = trimmed.prefix { $0 == character }.count
    return run >= length && run == trimmed.count && line.prefix { $0 == " " }.count <= 3
  }

  /// The first word of the info string (`trainbook`, `output`, a language name).
  var tag: String { info.split(separator: " ").first.map(String.init) ?? "" }
}

/// Reads a notebook line by line, looking at each line a bounded number of times; lines are
/// numbered from 1 in errors.
private struct NotebookParser {
  let lines: [String]
  /// For each line, whether it starts a run of single-line comments and blank lines that ends at
  /// a ```trainbook fence (which makes the comments that cell's markers); computed once, from
  /// the end, so that a long run of comments is not scanned again from each of its lines.
  let leadsToCell: [Bool]
  var index = 0
  var blocks: [NotebookBlock] = []
  var prose: [String] = []

  init(lines: [String]) {
    self.lines = lines
    var leads = [Bool](repeating: false, count: lines.count + 1)
    for index in lines.indices.reversed() {
      let line = lines[index]
      if let fence = Fence(opening: line) {
        leads[index] = fence.tag == "trainbook"
      } else if line.allSatisfy(\.isWhitespace) || CellMarkers.commentBody(line) != nil {
        leads[index] = leads[index + 1]
      }
    }
    leadsToCell = leads
  }

  var lineNumber: Int { index + 1 }

  mutating func parse() throws(NotebookError) -> Notebook {
    let metadata = try readMetadata()
    while index < lines.count {
      let line = lines[index]
      if let fence = Fence(opening: line) {
        try readFencedBlock(fence)
      } else if CellMarkers.commentBody(line) == "output" {
        throw NotebookError(line: lineNumber, "output block with no cell above it")
      } else if line.trimmingCharacters(in: .whitespaces) == NotebookMetadata.opening {
        throw NotebookError(
          line: lineNumber, "a `<!-- trainbook` metadata block must be the first thing in the file")
      } else if CellMarkers.commentBody(line) != nil, leadsToCell[index] {
        try readMarkedCell()
      } else {
        prose.append(line)
        index += 1
      }
    }
    flushProse()
    return Notebook(metadata: metadata, blocks: blocks)
  }

  /// The metadata block if the file starts with one (after blank lines).
  mutating func readMetadata() throws(NotebookError) -> NotebookMetadata {
    while index < lines.count, isBlank(lines[index]) { index += 1 }
    guard index < lines.count,
      lines[index].trimmingCharacters(in: .whitespaces) == NotebookMetadata.opening
    else {
      index = 0
      return NotebookMetadata()
    }
    let opening = lineNumber
    index += 1
    let start = index
    while index < lines.count,
      lines[index].trimmingCharacters(in: .whitespaces) != NotebookMetadata.closing
    {
      index += 1
    }
    guard index < lines.count else {
      throw NotebookError(line: opening, "the metadata comment opened here never closes with `-->`")
    }
    let metadata = try NotebookMetadata.parse(Array(lines[start..<index]), firstLine: start + 1)
    index += 1
    return metadata
  }

  mutating func readMarkedCell() throws(NotebookError) {
    var markers = CellMarkers()
    while let line = lines[safe: index], Fence(opening: line) == nil {
      if let body = CellMarkers.commentBody(line) {
        if body == "output" {
          throw NotebookError(line: lineNumber, "output block with no cell above it")
        }
        try markers.add(body, line: lineNumber)
      }
      index += 1
    }
    guard let line = lines[safe: index], let fence = Fence(opening: line) else { return }
    try readCell(fence, markers: markers)
  }

  mutating func readFencedBlock(_ fence: Fence) throws(NotebookError) {
    switch fence.tag {
    case "trainbook":
      try readCell(fence, markers: CellMarkers())
    case "output":
      throw NotebookError(line: lineNumber, "output block with no cell above it")
    default:
      let start = index
      _ = try readFenceBody(fence)
      prose.append(contentsOf: lines[start..<index])
    }
  }

  /// Reads the cell whose fence opens at `index`, then its recorded output, if any.
  mutating func readCell(_ fence: Fence, markers: CellMarkers) throws(NotebookError) {
    flushProse()
    let line = lineNumber
    let source = try readFenceBody(fence)
    let outputs = try readOutputs()
    blocks.append(.cell(CodeCell(source: source, markers: markers, outputs: outputs, line: line)))
  }

  /// The output section after a cell: an optional `<!-- output -->` line, then fenced blocks
  /// tagged `output` or `output KIND`, with blank lines between them.
  mutating func readOutputs() throws(NotebookError) -> [RecordedPiece] {
    var probe = index
    while let line = lines[safe: probe], isBlank(line) { probe += 1 }
    guard let first = lines[safe: probe] else { return [] }
    let hasComment = CellMarkers.commentBody(first) == "output"
    guard hasComment || Fence(opening: first)?.tag == "output" else { return [] }
    let commentLine = probe + 1
    index = hasComment ? probe + 1 : probe
    var pieces: [RecordedPiece] = []
    while true {
      probe = index
      while let line = lines[safe: probe], isBlank(line) { probe += 1 }
      guard let line = lines[safe: probe], let fence = Fence(opening: line), fence.tag == "output"
      else { break }
      index = probe
      let kind = fence.info.split(separator: " ").dropFirst().first.map(String.init) ?? "text"
      let kindLine = lineNumber
      let content = try readFenceBody(fence)
      guard let piece = RecordedPiece(kind: kind, content: content) else {
        throw NotebookError(
          line: kindLine,
          "unknown output kind `\(kind)`; known kinds: "
            + RecordedPiece.kinds.joined(separator: ", ")
        )
      }
      pieces.append(piece)
    }
    guard !pieces.isEmpty else {
      throw NotebookError(
        line: commentLine, "`<!-- output -->` is not followed by an ```output block")
    }
    return pieces
  }

  /// The lines inside the fence opening at `index`, joined; leaves `index` after the closing
  /// fence.
  mutating func readFenceBody(_ fence: Fence) throws(NotebookError) -> String {
    let opening = lineNumber
    index += 1
    let start = index
    while index < lines.count, !fence.isClosed(by: lines[index]) { index += 1 }
    guard index < lines.count else {
      let shown = fence.info.isEmpty ? "fenced" : "```\(fence.info)"
      throw NotebookError(
        line: opening,
        "unclosed fence: the \(shown) block opened here never closes with "
          + String(repeating: fence.character, count: fence.length))
    }
    let body = lines[start..<index].joined(separator: "\n")
    index += 1
    return body
  }

  /// Ends the prose gathered so far as a block, without its leading and trailing blank lines.
  mutating func flushProse() {
    let start = prose.firstIndex { !isBlank($0) } ?? prose.endIndex
    let end = prose.lastIndex { !isBlank($0) }.map { $0 + 1 } ?? start
    if start < end { blocks.append(.prose(prose[start..<end].joined(separator: "\n"))) }
    prose = []
  }

  func isBlank(_ line: String) -> Bool { line.allSatisfy(\.isWhitespace) }
}

extension Array {
  /// The element at `index`, or nil past either end.
  subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
