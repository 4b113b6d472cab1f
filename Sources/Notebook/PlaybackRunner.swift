import Language

/// A runner that runs nothing: it answers each cell with the outputs another notebook recorded
/// for the same code, so `Replay` judges that notebook's outputs against a recording by replay's
/// own rules (numbers at printed precision, timings and progress never compared, markers
/// honoured). It is how a notebook executed elsewhere (by Jupyter, say) is checked.
public final class PlaybackRunner: CellRunner {
  private var remaining: ArraySlice<CodeCell>
  private let source: String

  /// Plays back the cells of `notebook`, read from `source` (named in messages).
  public init(_ notebook: Notebook, source: String) {
    remaining = notebook.cells[...]
    self.source = source
  }

  /// The outputs of the next played-back cell with this code (cells before it, such as ones the
  /// recording skips, are passed over); an error piece if no later cell has this code.
  public func run(cell code: String, stoppingTrainingAt stop: TrainingStop?) -> [OutputPiece] {
    guard let index = remaining.firstIndex(where: { $0.source == code }) else {
      return [.error("\(source) has no cell with this code after the cells matched so far")]
    }
    let cell = remaining[index]
    remaining = remaining[(index + 1)...]
    return cell.outputs.map(\.output)
  }
}

extension RecordedPiece {
  /// The piece as a cell prints it (a chart without its SVG, which recordings do not keep).
  var output: OutputPiece {
    switch self {
    case .text(let text): .text(text)
    case .chart(let terminal): .chart(terminal: terminal, svg: "")
    case .timing(let text): .timing(text)
    case .progress(let text): .progress(text)
    case .error(let text): .error(text)
    }
  }
}
