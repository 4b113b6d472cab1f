/// How to read a CSV file into a dataset, with pandas' `read_csv` conventions where they apply.
public struct CSVOptions: Sendable, Equatable {
  /// Which column holds the target.
  public enum Target: Sendable, Equatable {
    /// The last column (the convention of the bundled datasets).
    case last
    /// The column whose header is this name (matched exactly, else ignoring case).
    case named(String)
    /// The column at this 0-based position.
    case position(Int)
  }

  /// Whether the target is a class or a number.
  public enum TargetKind: Sendable, Equatable {
    /// Text targets are classes; numeric targets are classes when they are whole numbers with at
    /// most 20 distinct values, each seen twice on average; otherwise regression.
    case automatic
    /// The distinct target values are the classes.
    case classification
    /// The target is a number to predict.
    case regression
  }

  /// The cells pandas' `read_csv` reads as missing by default (its `STR_NA_VALUES`); an empty
  /// cell is always missing.
  public static let pandasMissingValues: Set<String> = [
    "", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN",
    "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null",
  ]

  /// Which column holds the target.
  public var target: Target
  /// Whether the target is a class or a number.
  public var targetKind: TargetKind
  /// The character between cells, an ASCII character (`,` by default, `;` or a tab are common).
  public var delimiter: Character
  /// The cells that mean "no value" (besides an empty cell), matched after trimming blanks.
  public var missingValues: Set<String>
  /// Whether a row with a missing value is left out (with a note) rather than refused.
  public var dropMissing: Bool
  /// The feature columns to read, by name, in the file's order; nil reads every column but the
  /// target and the `ignored` ones.
  public var columns: [String]?
  /// Columns that are not features: IDs, pandas' unnamed index column `""`, free text.
  public var ignored: [String]
  /// The character between a number's whole part and its fraction: `.`, or `,` in much of
  /// Europe.
  public var decimal: Character
  /// The character grouping a number's thousands (`,` in `1,234.5`), or nil when there is none.
  public var thousands: Character?

  /// Creates options; by default the target is the last column and its kind is inferred, every
  /// other column is a feature, pandas' markers are missing values and a row that has one is
  /// refused.
  public init(
    target: Target = .last, targetKind: TargetKind = .automatic, delimiter: Character = ",",
    missingValues: Set<String> = CSVOptions.pandasMissingValues, dropMissing: Bool = false,
    columns: [String]? = nil, ignored: [String] = [], decimal: Character = ".",
    thousands: Character? = nil
  ) {
    self.target = target
    self.targetKind = targetKind
    self.delimiter = delimiter
    self.missingValues = missingValues
    self.dropMissing = dropMissing
    self.columns = columns
    self.ignored = ignored
    self.decimal = decimal
    self.thousands = thousands
  }
}
