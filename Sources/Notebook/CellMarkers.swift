import Foundation
import Language

/// How replay treats one cell, written as single-line HTML comments directly above the cell:
///
/// | marker | meaning |
/// | --- | --- |
/// | `<!-- skip -->` | do not run the cell; keep its recorded output |
/// | `<!-- ignore-output -->` | run the cell but do not compare its output |
/// | `<!-- expect-error: MESSAGE -->` | the cell must fail with an error containing MESSAGE |
/// | `<!-- expect-error -->` | the cell must fail with any error |
/// | `<!-- tolerance: 0.01 -->` | numbers may differ from the recorded ones by 0.01 |
/// | `<!-- tolerance: relative 0.001 -->` | numbers may differ by 0.1 % of the recorded value |
/// | `<!-- tolerance: exact -->` | numbers must be printed exactly as recorded |
/// | `<!-- interrupted: epoch 15, step 3 -->` | Ctrl-C stopped the cell's training there; replay stops it there too (`fit 2, ` first names a cell's second fit) |
/// | `<!-- interrupted -->` | Ctrl-C stopped the cell outside training; replay keeps its output and does not run it |
public struct CellMarkers: Sendable, Equatable {
  /// The cell is not run on replay.
  public var skip: Bool
  /// The cell runs but its output is not compared.
  public var ignoreOutput: Bool
  /// The cell must fail with an error whose message contains this text ("" for any error).
  public var expectedError: String?
  /// How numbers in the cell's output are compared.
  public var tolerance: NumberTolerance
  /// Where Ctrl-C stopped the cell when it was recorded, if it did.
  public var interruption: CellInterruption?

  /// Creates markers; by default a cell runs, is compared at printed precision and must not fail.
  public init(
    skip: Bool = false, ignoreOutput: Bool = false, expectedError: String? = nil,
    tolerance: NumberTolerance = .printedPrecision, interruption: CellInterruption? = nil
  ) {
    self.skip = skip
    self.ignoreOutput = ignoreOutput
    self.expectedError = expectedError
    self.tolerance = tolerance
    self.interruption = interruption
  }

  /// Whether replay runs the cell: not when it is marked `skip`, nor when Ctrl-C stopped it
  /// somewhere replay cannot stop at the same point.
  public var runs: Bool { !skip && interruption != .outsideTraining }

  /// Where replay stops the cell's training, if Ctrl-C stopped it when recorded.
  public var stoppingPoint: TrainingStop? {
    if case .training(let point)? = interruption { point } else { nil }
  }

  /// The marker comments, one a line, in a fixed order.
  var lines: [String] {
    var lines: [String] = []
    if skip { lines.append("<!-- skip -->") }
    if ignoreOutput { lines.append("<!-- ignore-output -->") }
    if let expectedError {
      lines.append(
        expectedError.isEmpty ? "<!-- expect-error -->" : "<!-- expect-error: \(expectedError) -->")
    }
    switch tolerance {
    case .printedPrecision: break
    case .exact: lines.append("<!-- tolerance: exact -->")
    case .absolute(let amount): lines.append("<!-- tolerance: \(amount) -->")
    case .relative(let fraction): lines.append("<!-- tolerance: relative \(fraction) -->")
    }
    switch interruption {
    case nil: break
    case .training(let point)?: lines.append("<!-- interrupted: \(point) -->")
    case .outsideTraining?: lines.append("<!-- interrupted -->")
    }
    return lines
  }

  /// The body of a single-line HTML comment (`<!-- body -->`), or nil if `line` is not one.
  static func commentBody(_ line: String) -> String? {
    let start = line.utf8.first { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
    guard start == UInt8(ascii: "<") else { return nil }
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    guard trimmed.hasPrefix("<!--"), trimmed.hasSuffix("-->"), trimmed.count >= 7 else {
      return nil
    }
    return String(trimmed.dropFirst(4).dropLast(3)).trimmingCharacters(in: .whitespaces)
  }

  /// The marker names, as listed in error messages.
  static let names = ["skip", "ignore-output", "expect-error", "tolerance", "interrupted"]

  /// Adds the marker whose comment body is `body`, read at `line`.
  mutating func add(_ body: String, line: Int) throws(NotebookError) {
    let name: String
    let argument: String?
    if let colon = body.firstIndex(of: ":") {
      name = body[..<colon].trimmingCharacters(in: .whitespaces)
      argument = body[body.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    } else {
      name = body
      argument = nil
    }
    switch (name, argument) {
    case ("skip", nil):
      try once(!skip, name, line)
      skip = true
    case ("ignore-output", nil):
      try once(!ignoreOutput, name, line)
      ignoreOutput = true
    case ("expect-error", _):
      try once(expectedError == nil, name, line)
      expectedError = argument ?? ""
    case ("tolerance", let argument?):
      try once(tolerance == .printedPrecision, name, line)
      tolerance = try NumberTolerance(parsing: argument, line: line)
    case ("interrupted", nil):
      try once(interruption == nil, name, line)
      interruption = .outsideTraining
    case ("interrupted", let argument?):
      try once(interruption == nil, name, line)
      guard let point = TrainingStop(argument) else {
        throw NotebookError(
          line: line,
          "invalid interruption `\(argument)`: expected e.g. `epoch 15, step 3` or "
            + "`fit 2, epoch 15, step 3`")
      }
      interruption = .training(point)
    case ("tolerance", nil):
      throw NotebookError(
        line: line, "`tolerance` needs an amount, e.g. `<!-- tolerance: 0.01 -->`")
    case (_, _) where Self.names.contains(name):
      throw NotebookError(line: line, "marker `\(name)` takes no argument")
    default:
      throw NotebookError(
        line: line,
        "unknown marker `\(name)` above a cell; known markers: "
          + Self.names.joined(separator: ", ")
      )
    }
  }

  private func once(_ isFirst: Bool, _ name: String, _ line: Int) throws(NotebookError) {
    guard isFirst else { throw NotebookError(line: line, "marker `\(name)` is given twice") }
  }
}

/// How a number printed by a replayed cell is compared with the recorded one.
public enum NumberTolerance: Sendable, Equatable {
  /// At the precision the recorded number was printed with: within half a unit of its last
  /// digit (`0.2312` matches `0.23118` but not `0.2331`; `12` matches only `12`; `1.5e-3`
  /// matches values within `0.05e-3`).
  case printedPrecision
  /// Printed exactly as recorded.
  case exact
  /// Within this absolute amount of the recorded value.
  case absolute(Double)
  /// Within this fraction of the recorded value's magnitude.
  case relative(Double)

  init(parsing text: String, line: Int) throws(NotebookError) {
    let words = text.split(separator: " ").map(String.init)
    switch words.count {
    case 1 where words[0] == "exact": self = .exact
    case 1:
      guard let amount = Double(words[0]), amount.isFinite, amount >= 0 else {
        throw Self.invalid(text, line)
      }
      self = .absolute(amount)
    case 2 where words[0] == "relative":
      guard let fraction = Double(words[1]), fraction.isFinite, fraction >= 0 else {
        throw Self.invalid(text, line)
      }
      self = .relative(fraction)
    default: throw Self.invalid(text, line)
    }
  }

  private static func invalid(_ text: String, _ line: Int) -> NotebookError {
    NotebookError(
      line: line,
      "invalid tolerance `\(text)`: expected an amount (`0.01`), `relative 0.001` or `exact`")
  }
}

/// Where Ctrl-C stopped a cell when it was recorded.
public enum CellInterruption: Sendable, Equatable {
  /// In a fit, at this point: replay stops the same fit at the same step.
  case training(TrainingStop)
  /// Outside any fit (a loop, `lr_find`), where replay cannot stop at the same point: replay
  /// keeps the recorded output and does not run the cell.
  case outsideTraining
}
