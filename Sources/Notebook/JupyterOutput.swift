import Language
import Support

/// One output of a Jupyter code cell: the one place that says how each piece a cell prints looks
/// in Jupyter, both ways, for the ipynb export, the ipynb import and the kernel.
///
/// | piece | Jupyter output |
/// | --- | --- |
/// | text | `stream` on stdout; from the kernel, the value of a cell's last bare expression is an `execute_result` |
/// | chart | `display_data`: `image/svg+xml` when drawn, and the terminal rendering as `text/plain` |
/// | timing, progress | `display_data` with `text/plain`, its metadata `{"trainbook": {"kind": …}}` |
/// | error | `error`: `ename` TrainbookError, `evalue` its first line, `traceback` its lines |
///
/// Reading back, a `stream` on stderr (what earlier exports wrote for progress) is progress.
package enum JupyterOutput: Equatable, Sendable {
  /// Printed text on a stream: `stdout` or `stderr`.
  case stream(name: String, text: String)
  /// The value of a cell's last bare expression (`execute_result`).
  case result(text: String)
  /// A chart (with its SVG when drawn) or, with a `kind`, timing or progress text.
  case display(svg: String?, text: String, kind: String?)
  /// A failure with its located message.
  case error(message: String)

  /// The name Jupyter gives a trainbook error.
  package static let errorName = "TrainbookError"

  /// The Jupyter form of a piece a cell printed; its chart keeps its SVG when it has one.
  package init(_ piece: OutputPiece) {
    switch piece {
    case .text(let text): self = .stream(name: "stdout", text: text + "\n")
    case .chart(let terminal, let svg):
      self = .display(svg: svg.isEmpty ? nil : svg, text: terminal, kind: nil)
    case .timing(let text): self = .display(svg: nil, text: text, kind: "timing")
    case .progress(let text): self = .display(svg: nil, text: text, kind: "progress")
    case .error(let message): self = .error(message: message)
    }
  }

  /// The Jupyter form of a recorded piece, its chart drawn as `svg` when given.
  package init(_ piece: RecordedPiece, svg: String?) {
    switch piece {
    case .chart(let terminal): self.init(.chart(terminal: terminal, svg: svg ?? ""))
    case .text(let text): self.init(.text(text))
    case .timing(let text): self.init(.timing(text))
    case .progress(let text): self.init(.progress(text))
    case .error(let text): self.init(.error(text))
    }
  }

  /// The piece this output shows, as a cell printed it.
  package var piece: OutputPiece {
    switch self {
    case .stream("stderr", let text): .progress(Self.withoutFinalNewline(text))
    case .stream(_, let text), .result(let text): .text(Self.withoutFinalNewline(text))
    case .display(let svg, let text, "timing"?) where svg == nil: .timing(text)
    case .display(let svg, let text, "progress"?) where svg == nil: .progress(text)
    case .display(let svg, let text, _): .chart(terminal: text, svg: svg ?? "")
    case .error(let message): .error(message)
    }
  }

  /// The Jupyter message type that carries this output on the kernel's iopub channel.
  package var messageType: String {
    switch self {
    case .stream: "stream"
    case .result: "execute_result"
    case .display: "display_data"
    case .error: "error"
    }
  }

  /// The content of the iopub message carrying this output (an `execute_result` numbered
  /// `executionCount`).
  package func messageContent(executionCount: Int = 0) -> JSONValue {
    switch self {
    case .stream(let name, let text):
      .object([("name", .string(name)), ("text", .string(text))])
    case .result(let text):
      .object([
        ("execution_count", .integer(executionCount)),
        ("data", .object([("text/plain", .string(text))])), ("metadata", .object([])),
      ])
    case .display:
      .object([("data", data(lines: false)), ("metadata", metadata), ("transient", .object([]))])
    case .error(let message):
      .object([
        ("ename", .string(Self.errorName)), ("evalue", .string(markerText(message))),
        ("traceback", .array(Self.lines(of: message).map(JSONValue.string))),
      ])
    }
  }

  /// The output as an nbformat 4.5 notebook stores it.
  package func notebookOutput(executionCount: Int = 0) -> JSONValue {
    switch self {
    case .stream(let name, let text):
      .object([
        ("name", .string(name)), ("output_type", .string("stream")), ("text", .lines(text)),
      ])
    case .result(let text):
      .object([
        ("data", .object([("text/plain", .lines(text))])),
        ("execution_count", .integer(executionCount)), ("metadata", .object([])),
        ("output_type", .string("execute_result")),
      ])
    case .display:
      .object([
        ("data", data(lines: true)), ("metadata", metadata),
        ("output_type", .string("display_data")),
      ])
    case .error(let message):
      .object([
        ("ename", .string(Self.errorName)), ("evalue", .string(markerText(message))),
        ("output_type", .string("error")),
        ("traceback", .array(Self.lines(of: message).map(JSONValue.string))),
      ])
    }
  }

  /// Reads an output as an nbformat notebook stores it (text as a string or a list of lines), or
  /// says what is wrong with it.
  package init(notebookOutput output: JSONValue) throws(JupyterFormatError) {
    guard let members = output.members else {
      throw JupyterFormatError("an output is \(output.typeName), not an object")
    }
    let type = try Self.string(members["output_type"], "output_type")
    switch type {
    case "stream":
      self = .stream(
        name: try Self.string(members["name"], "name"), text: try Self.text(members["text"], "text")
      )
    case "execute_result", "display_data":
      guard let data = members["data"]?.members else {
        throw JupyterFormatError("an output of type \(type) has no `data` object")
      }
      let text = try data["text/plain"].map { value throws(JupyterFormatError) in
        try Self.text(value, "text/plain")
      }
      guard let text else {
        throw JupyterFormatError("an output of type \(type) has no `text/plain` data")
      }
      if type == "execute_result" {
        self = .result(text: text)
      } else {
        let svg = try data["image/svg+xml"].map { value throws(JupyterFormatError) in
          try Self.text(value, "image/svg+xml")
        }
        let kind = members["metadata"]?.members?["trainbook"]?.members?["kind"]
        let kindName: String? = if case .string(let name)? = kind { name } else { nil }
        self = .display(svg: svg, text: text, kind: kindName)
      }
    case "error":
      guard case .array(let lines)? = members["traceback"] else {
        throw JupyterFormatError("an error output has no `traceback` list")
      }
      let message = lines.map { line -> String in
        if case .string(let text) = line { text } else { "" }
      }
      self = .error(message: message.joined(separator: "\n"))
    default:
      throw JupyterFormatError(
        "unknown output_type `\(type)` (stream, execute_result, display_data or error)")
    }
  }

  private func data(lines: Bool) -> JSONValue {
    guard case .display(let svg, let text, _) = self else { return .object([]) }
    let wrap = { (text: String) in lines ? JSONValue.lines(text) : .string(text) }
    var data: [(String, JSONValue)] = []
    if let svg { data.append(("image/svg+xml", wrap(svg))) }
    data.append(("text/plain", wrap(text)))
    return .object(data)
  }

  private var metadata: JSONValue {
    guard case .display(_, _, let kind?) = self else { return .object([]) }
    return .object([("trainbook", .object([("kind", .string(kind))]))])
  }

  /// A message's lines, blank ones kept, so the caret lines of a diagnostic stay where they are.
  private static func lines(of message: String) -> [String] {
    message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  private static func withoutFinalNewline(_ text: String) -> String {
    text.hasSuffix("\n") ? String(text.dropLast()) : text
  }

  private static func string(_ value: JSONValue?, _ key: String) throws(JupyterFormatError)
    -> String
  {
    guard case .string(let text)? = value else {
      throw JupyterFormatError("`\(key)` is \(value?.typeName ?? "missing"), not a string")
    }
    return text
  }

  /// Multi-line text as nbformat allows it: a string, or a list of strings to join.
  static func text(_ value: JSONValue?, _ key: String) throws(JupyterFormatError) -> String {
    switch value {
    case .string(let text)?: return text
    case .array(let parts)?:
      var joined = ""
      for part in parts {
        guard case .string(let text) = part else {
          throw JupyterFormatError("`\(key)` holds \(part.typeName), not only strings")
        }
        joined += text
      }
      return joined
    default:
      throw JupyterFormatError("`\(key)` is \(value?.typeName ?? "missing"), not text")
    }
  }
}

/// A Jupyter notebook or message that does not have the shape the format gives it.
package struct JupyterFormatError: Error, CustomStringConvertible, Equatable {
  /// What is wrong, in plain words.
  package var description: String

  /// Creates the error.
  package init(_ description: String) { self.description = description }
}
