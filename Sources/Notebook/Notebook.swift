import Foundation
import Language

/// A trainbook notebook: prose and code cells with their recorded outputs, stored as Markdown.
///
/// The file reads well on its own (on GitHub, in any editor) because everything trainbook needs
/// besides the code and its output hides in HTML comments:
///
/// ````markdown
/// <!-- trainbook
/// version: 0.1.0
/// saved: 2026-11-24T19:30:00Z
/// seed: 1
/// -->
///
/// # Two moons
///
/// Free prose, any Markdown.
///
/// <!-- tolerance: 0.01 -->
/// ```trainbook
/// data = moons(n: 400, noise: 0.25, seed: 1)
/// ```
///
/// <!-- output -->
/// ```output
/// data: 400 samples × 2 features, binary (moons, noise 0.25, seed 1)
/// ```
///
/// ```output timing
/// 0.8 s
/// ```
/// ````
///
/// - **Metadata** (optional, first thing in the file): a `<!-- trainbook` comment holding
///   `key: value` lines: `version` (required), `saved` (an ISO 8601 UTC time) and `seed` (the seed
///   replay starts the session with).
/// - **Code cells**: fenced blocks tagged `trainbook`.
/// - **Recorded output**: a `<!-- output -->` line right after a cell, then one fenced block per
///   piece, tagged `output` (text) or `output chart|timing|progress|error`.
/// - **Markers**: single-line comments directly above a cell (blank lines between are fine), see
///   `CellMarkers`. Any comment there is read as a marker, so an unknown one is an error; other
///   comments in the prose stay prose.
/// - **Prose**: every other line. Fences may be longer than three backticks when the content
///   itself holds a run of backticks, as in CommonMark.
public struct Notebook: Sendable, Equatable {
  /// What replay needs to know besides the cells.
  public var metadata: NotebookMetadata
  /// Prose and code cells in file order.
  public var blocks: [NotebookBlock]

  /// Creates a notebook from its metadata and blocks.
  public init(metadata: NotebookMetadata, blocks: [NotebookBlock] = []) {
    self.metadata = metadata
    self.blocks = blocks
  }

  /// The code cells, in order.
  public var cells: [CodeCell] {
    blocks.compactMap { if case .cell(let cell) = $0 { cell } else { nil } }
  }

  /// Replaces the code cells in order with `newCells`, keeping the prose between them.
  public func replacingCells(with newCells: [CodeCell]) -> Notebook {
    precondition(newCells.count == cells.count, "replacingCells needs one cell per cell")
    var remaining = newCells[...]
    var copy = self
    copy.blocks = blocks.map { block in
      guard case .cell = block, let next = remaining.popFirst() else { return block }
      return .cell(next)
    }
    return copy
  }
}

/// One block of a notebook: prose or a code cell.
public enum NotebookBlock: Sendable, Equatable {
  /// Markdown prose, without leading or trailing blank lines.
  case prose(String)
  /// A code cell with its markers and recorded output.
  case cell(CodeCell)
}

/// A cell of trainbook code, its markers and the output recorded when it last ran.
public struct CodeCell: Sendable, Equatable {
  /// The cell's code, without the fences.
  public var source: String
  /// How replay treats the cell.
  public var markers: CellMarkers
  /// What the cell printed, in order (an empty list writes no output block).
  public var outputs: [RecordedPiece]
  /// The 1-based line of the cell's opening fence in the file it was read from (0 if built in
  /// memory); not part of equality.
  public var line: Int

  /// Creates a cell.
  public init(
    source: String, markers: CellMarkers = CellMarkers(), outputs: [RecordedPiece] = [],
    line: Int = 0
  ) {
    self.source = source
    self.markers = markers
    self.outputs = outputs
    self.line = line
  }

  /// Cells are equal when their source, markers and outputs are; where they were read is not
  /// compared.
  public static func == (lhs: CodeCell, rhs: CodeCell) -> Bool {
    lhs.source == rhs.source && lhs.markers == rhs.markers && lhs.outputs == rhs.outputs
  }
}

/// One recorded piece of a cell's output, as kept in the Markdown.
///
/// Unlike `OutputPiece`, a chart keeps only its terminal rendering: the SVG is re-drawn by
/// replaying the notebook when it is exported (replay is deterministic).
public enum RecordedPiece: Sendable, Equatable {
  /// Printed text; numbers in it are compared at their printed precision.
  case text(String)
  /// A chart's terminal rendering.
  case chart(String)
  /// A wall-clock measurement, never compared.
  case timing(String)
  /// Training progress, never compared.
  case progress(String)
  /// The message of an error the cell stopped with.
  case error(String)

  /// The recorded form of a piece a cell printed (terminal colour codes removed).
  public init(_ piece: OutputPiece) {
    switch piece {
    case .text(let text): self = .text(withoutTerminalColors(text))
    case .chart(let terminal, _): self = .chart(withoutTerminalColors(terminal))
    case .timing(let text): self = .timing(withoutTerminalColors(text))
    case .progress(let text): self = .progress(withoutTerminalColors(text))
    case .error(let text): self = .error(withoutTerminalColors(text))
    }
  }

  /// The piece's kind as written after `output` in a fence's info string.
  public var kind: String {
    switch self {
    case .text: "text"
    case .chart: "chart"
    case .timing: "timing"
    case .progress: "progress"
    case .error: "error"
    }
  }

  /// The piece's content.
  public var content: String {
    switch self {
    case .text(let s), .chart(let s), .timing(let s), .progress(let s), .error(let s): s
    }
  }

  /// Whether replay compares this piece (timings and progress are never compared).
  public var isCompared: Bool {
    switch self {
    case .timing, .progress: false
    case .text, .chart, .error: true
    }
  }

  /// A piece of the given kind, or nil for an unknown kind.
  init?(kind: String, content: String) {
    switch kind {
    case "text": self = .text(content)
    case "chart": self = .chart(content)
    case "timing": self = .timing(content)
    case "progress": self = .progress(content)
    case "error": self = .error(content)
    default: return nil
    }
  }

  /// Every kind, as listed in error messages.
  static let kinds = ["text", "chart", "timing", "progress", "error"]
}

/// What a cell printed as it is recorded: colour codes removed, consecutive text pieces joined
/// into one, so a loop's prints read as one block, and consecutive progress lines kept as a
/// terminal shows them: a line that stays (it ends in a newline) is kept, one that does not is
/// replaced by the next. A 300-epoch fit is its heading and about 20 epoch lines.
public func recorded(_ outputs: [OutputPiece]) -> [RecordedPiece] {
  var pieces: [RecordedPiece] = []
  var progress = SettledProgress()
  var progressLines: [String] = []
  func appendProgress() {
    if let last = progress.settle() { progressLines.append(last) }
    guard !progressLines.isEmpty else { return }
    pieces.append(RecordedPiece(.progress(progressLines.joined(separator: "\n"))))
    progressLines = []
  }
  for output in outputs {
    if case .progress(let text) = output {
      if let line = progress.add(text) { progressLines.append(line) }
      continue
    }
    appendProgress()
    let piece = RecordedPiece(output)
    if case (.text(let before)?, .text(let next)) = (pieces.last, piece) {
      pieces[pieces.count - 1] = .text(before + "\n" + next)
    } else {
      pieces.append(piece)
    }
  }
  appendProgress()
  return pieces
}

/// `text` without ANSI escape sequences (colours, cursor moves) and with one trailing newline
/// removed, so that recordings read cleanly in Markdown.
func withoutTerminalColors(_ text: String) -> String {
  var result = ""
  var scalars = text.unicodeScalars[...]
  while let scalar = scalars.popFirst() {
    guard scalar == "\u{1B}" else {
      result.unicodeScalars.append(scalar)
      continue
    }
    guard scalars.first == "[" else { continue }
    scalars.removeFirst()
    while let next = scalars.popFirst(), !(0x40...0x7E).contains(next.value) {}
  }
  if result.hasSuffix("\n") { result.removeLast() }
  return result.replacingOccurrences(of: "\r\n", with: "\n")
}
