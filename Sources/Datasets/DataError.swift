/// A problem with data a learner asked for: a file that does not parse, a dataset name nobody
/// knows, split fractions that do not add up.
///
/// Its `description` reads like a compiler's message: the place first (`file:line:column:` where
/// there is one), then what is wrong, then a hint on its own line where one helps:
///
///     scores.csv:3:2: "abc" in column "height" is not a number
///       hint: every cell except the target column must be a number
public struct DataError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Which kind of problem, for code that reacts to one kind (and for tests).
  public enum Kind: Sendable, Equatable {
    /// A file that cannot be opened or read.
    case unreadableFile
    /// A file with no data in it.
    case emptyFile
    /// A cell that should hold a number and does not.
    case nonNumericCell
    /// A first row of numbers where the column names should be.
    case missingHeader
    /// A row with more or fewer cells than the header.
    case raggedRow
    /// A quoted CSV field whose closing quote never comes.
    case unterminatedQuote
    /// A target column that the header does not have.
    case missingTargetColumn
    /// An IDX file whose header or size is wrong.
    case malformedIDX
    /// Two files (images and labels) that do not belong together.
    case mismatchedFiles
    /// The folder of bundled datasets could not be found.
    case resourcesNotFound
    /// A dataset name that is not one of the known datasets.
    case unknownDataset
    /// A value given for a knob (a fraction, a fold count, a class) that cannot be used.
    case invalidArgument
  }

  /// Which kind of problem this is.
  public var kind: Kind
  /// What is wrong, as one sentence without a trailing period.
  public var message: String
  /// The file the problem is in, if it is in a file.
  public var file: String?
  /// The 1-based line of the file, if known.
  public var line: Int?
  /// The 1-based column (for CSV: the field number), if known.
  public var column: Int?
  /// A suggestion of what to do, if one helps.
  public var hint: String?

  /// Creates an error of `kind` with `message`, its place and an optional hint.
  public init(
    _ kind: Kind, _ message: String, file: String? = nil, line: Int? = nil, column: Int? = nil,
    hint: String? = nil
  ) {
    self.kind = kind
    self.message = message
    self.file = file
    self.line = line
    self.column = column
    self.hint = hint
  }

  /// The place, the message and the hint: `file:line:column: message`, then `  hint: …`.
  public var description: String {
    var place = [file, line.map(String.init), column.map(String.init)].compactMap { $0 }
      .joined(separator: ":")
    if !place.isEmpty { place += ": " }
    guard let hint else { return place + message }
    return place + message + "\n  hint: " + hint
  }
}
