import Foundation

/// The bytes of a notebook file checked and turned into lines: UTF-8 (a leading byte-order mark
/// dropped), with CR, CRLF and LF line endings all read as one line break.
///
/// Anything that is not a trainbook notebook is refused here with what was found, so a replay
/// never reports "all 0 checked cells match" for a file that holds no cells.
enum NotebookText {
  /// The lines of `bytes` as a notebook's text.
  /// - Throws: `NotebookError` at the line and column of the first byte that is not UTF-8.
  static func lines(of bytes: [UInt8]) throws(NotebookError) -> [String] {
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    if let bad = firstInvalidUTF8(in: body) {
      let (line, column) = position(of: bad, in: body)
      throw NotebookError(
        line: line, column: column,
        "the file is not UTF-8 text (byte 0x\(String(body[bad], radix: 16, uppercase: true)) "
          + "here); a notebook is a Markdown file saved as UTF-8")
    }
    return lines(of: String(decoding: body, as: UTF8.self))
  }

  /// The lines of `text`, split at CR, CRLF and LF; a final line break ends the last line rather
  /// than starting an empty one.
  static func lines(of text: String) -> [String] {
    let bytes = Array(text.utf8)
    var lines: [String] = []
    var start = 0
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      guard byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") else { continue }
      lines.append(String(decoding: bytes[start..<index - 1], as: UTF8.self))
      if byte == UInt8(ascii: "\r"), index < bytes.count, bytes[index] == UInt8(ascii: "\n") {
        index += 1
      }
      start = index
    }
    if start < bytes.count { lines.append(String(decoding: bytes[start...], as: UTF8.self)) }
    return lines
  }

  /// Refuses `lines` that hold no trainbook cell, saying what they hold instead: nothing, JSON (a
  /// Jupyter notebook, say), or text without a ```trainbook block.
  static func checkHoldsCells(_ lines: [String], cellCount: Int) throws(NotebookError) {
    guard cellCount == 0 else { return }
    guard let first = lines.firstIndex(where: { !$0.allSatisfy(\.isWhitespace) }) else {
      throw NotebookError(
        line: 1, "the file is empty; a notebook holds ```trainbook cells (`:save` writes one)")
    }
    let start = lines[first].drop(while: \.isWhitespace)
    let joined = lines[first...].joined(separator: "\n")
    if start.hasPrefix("{"), joined.contains("\"nbformat\"") {
      throw NotebookError(
        line: first + 1,
        "this is a Jupyter notebook (.ipynb JSON), not a trainbook notebook; trainbook reads "
          + "the Markdown notebooks that `:save` writes")
    }
    if start.hasPrefix("{") || start.hasPrefix("[") {
      throw NotebookError(
        line: first + 1, "this is JSON, not a trainbook notebook (Markdown with ```trainbook cells)"
      )
    }
    throw NotebookError(
      line: first + 1,
      "no ```trainbook cell in \(lines.count) \(lines.count == 1 ? "line" : "lines") of text; "
        + "a notebook's code goes in blocks fenced with ```trainbook")
  }

  /// The offset of the first byte of `bytes` that does not begin a valid UTF-8 sequence (or
  /// begins one that is cut short), or nil if every byte is valid.
  private static func firstInvalidUTF8(in bytes: ArraySlice<UInt8>) -> Int? {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = bytes.startIndex
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded): offset += encoded.count
      case .emptyInput: return nil
      case .error: return offset
      }
    }
  }

  /// The 1-based line and column (in bytes) of the byte at `offset`, lines broken as `lines`
  /// breaks them.
  private static func position(of offset: Int, in bytes: ArraySlice<UInt8>) -> (Int, Int) {
    var line = 1
    var lineStart = bytes.startIndex
    var index = bytes.startIndex
    while index < offset {
      let byte = bytes[index]
      index += 1
      if byte == UInt8(ascii: "\r"), index < offset, bytes[index] == UInt8(ascii: "\n") {
        index += 1
      }
      if byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n") {
        line += 1
        lineStart = index
      }
    }
    return (line, offset - lineStart + 1)
  }
}

extension Notebook {
  /// Reads the notebook stored at `path`: Markdown, or a Jupyter notebook when its name ends in
  /// `.ipynb` (see ``init(ipynb:)``).
  /// - Throws: `NotebookError` naming the file: it is missing, a folder or unreadable, is not
  ///   UTF-8, holds no cells, or is malformed (with the line of the problem).
  public init(contentsOf path: String) throws(NotebookError) {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
      throw NotebookError(file: path, line: 0, "no such file")
    }
    guard !isFolder.boolValue else {
      throw NotebookError(file: path, line: 0, "this is a folder, not a notebook file")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw NotebookError(file: path, line: 0, "cannot read the file (check its permissions)")
    }
    do {
      self =
        path.lowercased().hasSuffix(".ipynb")
        ? try Notebook(ipynb: [UInt8](data))
        : try Notebook(lines: try NotebookText.lines(of: [UInt8](data)))
    } catch {
      var located = error
      located.file = path
      throw located
    }
  }
}
