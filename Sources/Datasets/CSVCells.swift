/// Reads CSV cells as numbers the way `CSVOptions` says: its decimal and thousands separators and
/// its missing-value markers. Only plain decimal numbers are numbers (`1`, `-2.5`, `3e-4`): no
/// `inf`, `nan`, hexadecimal or values beyond a 32-bit float's range.
struct CSVCellReader {
  /// What one cell holds.
  enum Cell: Equatable {
    /// A finite number.
    case number(Float)
    /// A missing-value marker, or nothing.
    case missing
    /// A number too large for a 32-bit float (`1e39`).
    case outOfRange
    /// Anything else: text, `inf`, a number written with other separators.
    case text
  }

  let decimal: Character
  let thousands: Character?
  let missingValues: Set<String>

  init(_ options: CSVOptions) {
    decimal = options.decimal
    thousands = options.thousands
    missingValues = options.missingValues
  }

  /// What `cell` holds, after trimming blanks.
  func read(_ cell: Substring) -> Cell {
    let trimmed = cell.trimmingBlanks
    if trimmed.isEmpty || missingValues.contains(String(trimmed)) { return .missing }
    var plain = ""
    plain.reserveCapacity(trimmed.utf8.count)
    for character in trimmed where character != thousands {
      switch character {
      case decimal: plain.append(".")
      case "0"..."9", "+", "-", "e", "E": plain.append(character)
      default: return .text
      }
    }
    guard let value = Float(plain) else { return .text }
    return value.isFinite ? .number(value) : .outOfRange
  }

  /// Why `cell` (which `read` found to be text or out of range) is not a number, and what to do.
  func problem(with cell: String, column: String) -> (message: String, hint: String) {
    let lowered = cell.lowercased()
    let shown = "\"\(cell)\" in column \"\(column)\""
    if read(Substring(cell)) == .outOfRange {
      return (
        "\(shown) is beyond the range of a 32-bit float (about ±3.4e38)",
        "rescale the column, or remove the rows that hold such values"
      )
    }
    if ["inf", "+inf", "-inf", "infinity", "+infinity", "-infinity"].contains(lowered) {
      return (
        "\(shown) is infinite; a model needs finite numbers",
        "remove the rows that hold it, or read it as missing with na_values: [\"\(cell)\"]"
      )
    }
    let separators = Set(cell.filter { $0 == "," || $0 == "." || $0 == " " || $0 == "'" })
    let digitsAndSeparators = cell.allSatisfy {
      $0.isASCII && ($0.isNumber || separators.contains($0) || $0 == "-" || $0 == "+")
    }
    if digitsAndSeparators, !separators.isEmpty, cell.contains(where: \.isNumber) {
      return (
        "\(shown) is not a number as written",
        "for decimal commas pass decimal: \",\"; for thousands separators pass thousands: "
          + "\"\(separators.sorted().first ?? ",")\""
      )
    }
    return (
      "\(shown) is not a number",
      "only the target column may hold text: choose it with target:, or leave this column out "
        + "with ignore: [\"\(column)\"]"
    )
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces and tabs.
  var trimmingBlanks: Substring {
    let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    guard let first = firstIndex(where: { !isBlank($0) }),
      let last = lastIndex(where: { !isBlank($0) })
    else { return Substring() }
    return Substring(self[first...last])
  }
}
