import Foundation
import Language
import Support

extension Notebook {
  /// Reads a Jupyter notebook (nbformat 4) written by `export --to ipynb` or by Jupyter running
  /// the trainbook kernel: markdown (and raw) cells become prose, code cells keep their outputs as
  /// the recording (read as ``JupyterOutput`` says), and each cell's markers come back from its
  /// `trainbook` metadata. A cell whose output holds an error and that has no `expect-error`
  /// marker gets one with the error's first line, as `:save` records a failing cell. Empty code
  /// cells are left out.
  /// - Throws: `NotebookError` naming the cell: the text is not JSON, not nbformat 4, a notebook
  ///   of another language, or has a cell or output of the wrong shape.
  public init(ipynb bytes: [UInt8]) throws(NotebookError) {
    let json: JSONValue
    do {
      json = try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
    } catch {
      throw NotebookError(line: 0, "this is not valid JSON, so not a Jupyter notebook (.ipynb)")
    }
    guard let top = json.members, case .integer(let format)? = top["nbformat"] else {
      throw NotebookError(line: 0, "this JSON has no `nbformat` number: not a Jupyter notebook")
    }
    guard format == 4 else {
      throw NotebookError(line: 0, "nbformat \(format) is not read; trainbook reads nbformat 4")
    }
    let metadata = top["metadata"]?.members ?? [:]
    if case .string(let language)? = metadata["language_info"]?.members?["name"],
      language != "trainbook"
    {
      throw NotebookError(
        line: 0, "this is a \(language) notebook; trainbook reads notebooks of its own language")
    }
    guard case .array(let cells)? = top["cells"] else {
      throw NotebookError(line: 0, "the notebook has no `cells` list")
    }
    var blocks: [NotebookBlock] = []
    for (index, cell) in cells.enumerated() {
      do {
        if let block = try Self.block(of: cell) { blocks.append(block) }
      } catch {
        throw NotebookError(line: 0, "cell \(index + 1): \(error.description)")
      }
    }
    guard blocks.contains(where: { if case .cell = $0 { true } else { false } }) else {
      throw NotebookError(line: 0, "the notebook has no code cell with trainbook code")
    }
    self.init(metadata: try Self.metadata(metadata["trainbook"]), blocks: blocks)
  }

  private static func metadata(_ value: JSONValue?) throws(NotebookError) -> NotebookMetadata {
    guard let members = value?.members else { return NotebookMetadata() }
    var lines: [String] = []
    for key in NotebookMetadata.keys {
      if case .string(let text)? = members[key] { lines.append("\(key): \(text)") }
    }
    if !lines.contains(where: { $0.hasPrefix("version:") }) {
      lines.insert("version: \(Trainbook.version)", at: 0)
    }
    do {
      return try NotebookMetadata.parse(lines, firstLine: 0)
    } catch {
      throw NotebookError(line: 0, "the notebook's trainbook metadata: \(error.message)")
    }
  }

  private static func block(of cell: JSONValue) throws(JupyterFormatError) -> NotebookBlock? {
    guard let members = cell.members else {
      throw JupyterFormatError("a cell is \(cell.typeName), not an object")
    }
    let source = trimmedLines(try JupyterOutput.text(members["source"], "source"))
    guard case .string(let type)? = members["cell_type"] else {
      throw JupyterFormatError("the cell has no `cell_type`")
    }
    switch type {
    case "markdown", "raw":
      return source.isEmpty ? nil : .prose(source)
    case "code":
      guard !source.isEmpty else { return nil }
      return .cell(try codeCell(source, members))
    default:
      throw JupyterFormatError("unknown cell_type `\(type)` (markdown, code or raw)")
    }
  }

  private static func codeCell(_ source: String, _ members: [String: JSONValue])
    throws(JupyterFormatError) -> CodeCell
  {
    var markers = CellMarkers()
    if case .array(let lines)? = members["metadata"]?.members?["trainbook"] {
      for line in lines {
        guard case .string(let body) = line else {
          throw JupyterFormatError("its trainbook metadata holds \(line.typeName), not a marker")
        }
        do {
          try markers.add(body, line: 0)
        } catch {
          throw JupyterFormatError("its marker `\(body)`: \(error.message)")
        }
      }
    }
    var pieces: [OutputPiece] = []
    if case .array(let outputs)? = members["outputs"] {
      for output in outputs { pieces.append(try JupyterOutput(notebookOutput: output).piece) }
    }
    let outputs = recorded(pieces)
    if markers.expectedError == nil, let error = outputs.lazy.compactMap(\.errorMessage).first {
      markers.expectedError = markerText(error)
    }
    return CodeCell(source: source, markers: markers, outputs: outputs)
  }

  /// `text` without its leading and trailing blank lines.
  private static func trimmedLines(_ text: String) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    while lines.first?.allSatisfy(\.isWhitespace) == true { lines.removeFirst() }
    while lines.last?.allSatisfy(\.isWhitespace) == true { lines.removeLast() }
    return lines.joined(separator: "\n")
  }
}
