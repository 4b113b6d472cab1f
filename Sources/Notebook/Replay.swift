import Language

/// A notebook's cells run again, one after another in one session, each compared with its
/// recorded output.
///
/// The comparison ignores timings and progress; numbers compare at the precision they were
/// recorded with unless a `tolerance` marker says otherwise (see `NumberTolerance`); every
/// other character must match, with runs of spaces counting as one.
public struct Replay {
  /// The notebook that was replayed.
  public let notebook: Notebook
  /// What happened to each cell, in order.
  public let outcomes: [CellOutcome]

  /// Runs every cell of `notebook` through `runner` (skipping cells marked `skip` or stopped by
  /// Ctrl-C outside training; stopping the training of a cell interrupted in a fit where it was
  /// stopped), calling `onCell` after each.
  public init(
    _ notebook: Notebook, runner: any CellRunner, onCell: (CellOutcome) -> Void = { _ in }
  ) {
    self.notebook = notebook
    var outcomes: [CellOutcome] = []
    for (offset, cell) in notebook.cells.enumerated() {
      let outputs =
        cell.markers.runs
        ? runner.run(cell: cell.source, stoppingTrainingAt: cell.markers.stoppingPoint) : nil
      let outcome = CellOutcome(
        number: offset + 1, cell: cell, outputs: outputs,
        verdict: outputs.map { judge(cell, $0) } ?? .skipped)
      onCell(outcome)
      outcomes.append(outcome)
    }
    self.outcomes = outcomes
  }

  /// The cells whose output differs from the recording or that did not fail as marked.
  public var failures: [CellOutcome] { outcomes.filter { !$0.verdict.passes } }

  /// Whether every cell matched its recording (or was skipped or ignored).
  public var passes: Bool { failures.isEmpty }

  /// The cells that ran and printed anything other than exactly what was recorded (timings and
  /// progress aside), even within tolerance: the cells `--update` rewrites.
  public var changedCells: [CellOutcome] {
    outcomes.filter { outcome in
      guard let outputs = outcome.outputs else { return false }
      return recorded(outputs).filter(\.isCompared) != outcome.cell.outputs.filter(\.isCompared)
    }
  }

  /// The check's report: one paragraph per failing cell with its number, line and diff, then a
  /// summary line.
  public func report(file: String) -> String {
    var paragraphs = failures.map { $0.explanation(file: file) }
    let compared = outcomes.filter { $0.verdict != .skipped && $0.verdict != .ignored }.count
    let skipped = outcomes.count - compared
    let summary =
      passes
      ? "\(file): all \(compared) checked cells match their recorded output"
      : "\(file): \(failures.count) of \(compared) checked cells differ from their recorded output"
    paragraphs.append(summary + (skipped > 0 ? " (\(skipped) skipped or ignored)" : ""))
    return paragraphs.joined(separator: "\n\n")
  }

  /// The notebook with every cell that ran holding its new output (skipped cells keep theirs),
  /// stamped with this version and the current time.
  /// - Throws: `ReplayFailed` if a cell failed without an `expect-error` marker, or did not fail
  ///   as its marker says: a failed run must not overwrite a good recording.
  public func updatedNotebook() throws(ReplayFailed) -> Notebook {
    let broken = outcomes.filter(\.failedToRun)
    guard broken.isEmpty else { throw ReplayFailed(cells: broken) }
    let cells = outcomes.map { outcome in
      var cell = outcome.cell
      if let outputs = outcome.outputs { cell.outputs = recorded(outputs) }
      return cell
    }
    var updated = notebook.replacingCells(with: cells)
    updated.metadata = .now(seed: notebook.metadata.seed)
    return updated
  }
}

/// A replay that went wrong in a way that must not be written back into the notebook.
public struct ReplayFailed: Error, CustomStringConvertible {
  /// The cells that failed.
  public let cells: [CellOutcome]

  /// One line per failed cell, and that the file was left as it was.
  public var description: String {
    let lines = cells.map { "\($0.name): \($0.failure)" }
    return (lines + ["the notebook was not changed"]).joined(separator: "\n")
  }
}

/// What replaying one cell gave.
public struct CellOutcome: Sendable {
  /// The cell's 1-based number among the notebook's code cells.
  public let number: Int
  /// The cell as recorded (its `line` is where it starts in the file).
  public let cell: CodeCell
  /// What it printed on replay, or nil if it was skipped.
  public let outputs: [OutputPiece]?
  /// How its output compared with the recording.
  public let verdict: CellVerdict

  /// Whether the cell failed on replay without being marked to, or did not fail as marked.
  public var failedToRun: Bool {
    switch verdict {
    case .missingError, .wrongError: return true
    default:
      let failed = outputs?.contains { if case .error = $0 { true } else { false } } ?? false
      return failed && cell.markers.expectedError == nil
    }
  }

  /// Why the cell counts as failed to run: the first line of its error, or its verdict.
  public var failure: String {
    let error = outputs?.lazy.map(RecordedPiece.init).compactMap(\.errorMessage).first
    guard let error, cell.markers.expectedError == nil else { return verdict.summary }
    return "failed: \(markerText(error))"
  }

  /// `cell N (line L)`, or `cell N` for a cell not read from a line of a file (a Jupyter
  /// notebook's).
  public var name: String {
    cell.line > 0 ? "cell \(number) (line \(cell.line))" : "cell \(number)"
  }

  /// `file:L: cell N: what went wrong`, then the diff, for the check report.
  func explanation(file: String) -> String {
    let place = cell.line > 0 ? "\(file):\(cell.line)" : file
    var lines = ["\(place): cell \(number): \(verdict.summary)"]
    if case .differs(let diff) = verdict { lines += condensed(diff).map { "    \($0)" } }
    return lines.joined(separator: "\n")
  }
}

/// How a replayed cell's output compared with its recording.
public enum CellVerdict: Sendable, Equatable {
  /// The output matches.
  case matched
  /// The cell is marked `skip` and did not run.
  case skipped
  /// The cell is marked `ignore-output` and was not compared.
  case ignored
  /// The output differs; the diff runs from the recorded lines to the new ones.
  case differs([DiffLine])
  /// The cell is marked to fail with this message but succeeded.
  case missingError(expected: String)
  /// The cell failed, but not with the marked message.
  case wrongError(expected: String, actual: String)

  /// Whether the check accepts the cell.
  public var passes: Bool {
    switch self {
    case .matched, .skipped, .ignored: true
    case .differs, .missingError, .wrongError: false
    }
  }

  /// One line saying what happened.
  public var summary: String {
    switch self {
    case .matched: "matches"
    case .skipped: "skipped"
    case .ignored: "output ignored"
    case .differs: "output differs from the recording (- recorded, + replayed)"
    case .missingError(let expected):
      "expected to fail" + (expected.isEmpty ? "" : " with “\(expected)”") + " but succeeded"
    case .wrongError(let expected, let actual):
      "expected to fail with “\(expected)” but failed with “\(markerText(actual))”"
    }
  }
}

/// Compares a cell's new outputs with its recording, honouring its markers.
func judge(_ cell: CodeCell, _ outputs: [OutputPiece]) -> CellVerdict {
  let fresh = recorded(outputs)
  if let expected = cell.markers.expectedError {
    guard let error = fresh.lazy.compactMap(\.errorMessage).first else {
      return .missingError(expected: expected)
    }
    guard expected.isEmpty || error.contains(expected) else {
      return .wrongError(expected: expected, actual: error)
    }
  }
  if cell.markers.ignoreOutput { return .ignored }
  let tolerance = cell.markers.tolerance
  let diff = lineDiff(recorded: comparedLines(cell.outputs), new: comparedLines(fresh)) {
    lineMatches(recorded: $0, new: $1, tolerance: tolerance)
  }
  let differs = diff.contains { if case .same = $0 { false } else { true } }
  return differs ? .differs(diff) : .matched
}

/// The lines replay compares: text as printed, charts and errors after a `[chart]` or `[error]`
/// line; timings and progress left out.
func comparedLines(_ pieces: [RecordedPiece]) -> [String] {
  pieces.filter(\.isCompared).flatMap { piece -> [String] in
    let lines = piece.content.split(separator: "\n", omittingEmptySubsequences: false)
      .map(String.init)
    if case .text = piece { return lines }
    return ["[\(piece.kind)]"] + lines
  }
}

extension CellOutcome {
  /// The cell as a prompt transcript: its code after `trainbook> ` (`...> ` on continuation
  /// lines), then what it printed on replay (or `(skipped)`).
  public var transcript: String {
    let code = cell.source.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated().map { ($0.offset == 0 ? "trainbook> " : "      ...> ") + $0.element }
    let printed = outputs.map { recorded($0).map(\.content) } ?? ["(skipped)"]
    return (code + printed.filter { !$0.isEmpty }).joined(separator: "\n")
  }
}
