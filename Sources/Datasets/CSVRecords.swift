/// One record of a CSV file: its cells and the line it starts on.
struct CSVRecord: Sendable, Equatable {
  /// The 1-based line the record starts on.
  var line: Int
  /// The cells, unquoted, in order.
  var fields: [String]
}

/// Splits CSV text into records (RFC 4180: fields separated by a delimiter, optionally quoted with
/// `"`, a doubled `""` inside quotes standing for one quote, line breaks allowed inside quotes).
///
/// Blank lines are skipped; `\r\n` and `\n` both end a record; a leading byte-order mark is
/// ignored. A quote that opens a field and never closes is an error at the line and field where it
/// opened.
func csvRecords(in text: String, file: String, delimiter: UInt8) throws(DataError) -> [CSVRecord] {
  let quote = UInt8(ascii: "\"")
  let newline = UInt8(ascii: "\n")
  let carriageReturn = UInt8(ascii: "\r")
  var bytes = Array(text.utf8)
  if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }

  var records: [CSVRecord] = []
  var fields: [String] = []
  var field: [UInt8] = []
  var fieldWasQuoted = false
  var line = 1
  var recordLine = 1

  func endField() {
    fields.append(String(decoding: field, as: UTF8.self))
    field.removeAll(keepingCapacity: true)
  }
  func endRecord() {
    let blank =
      fields.isEmpty && !fieldWasQuoted
      && field.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    endField()
    if !blank { records.append(CSVRecord(line: recordLine, fields: fields)) }
    fields.removeAll(keepingCapacity: true)
    fieldWasQuoted = false
  }

  var index = 0
  while index < bytes.count {
    if index % 65536 == 0 { try stopIfInterrupted() }
    let byte = bytes[index]
    index += 1
    switch byte {
    case quote where field.allSatisfy({ $0 == UInt8(ascii: " ") }):
      let (openLine, openColumn) = (line, fields.count + 1)
      field.removeAll(keepingCapacity: true)
      fieldWasQuoted = true
      var closed = false
      while index < bytes.count {
        let inner = bytes[index]
        index += 1
        if inner == quote {
          if index < bytes.count, bytes[index] == quote {
            field.append(quote)
            index += 1
          } else {
            closed = true
            break
          }
        } else {
          if inner == newline { line += 1 }
          field.append(inner)
        }
      }
      guard closed else {
        throw DataError(
          .unterminatedQuote, "this quoted field has no closing quote", file: file, line: openLine,
          column: openColumn, hint: "a quote inside a quoted field is written twice: \"\"")
      }
    case delimiter:
      endField()
    case carriageReturn where index < bytes.count && bytes[index] == newline:
      break
    case newline, carriageReturn:
      endRecord()
      line += 1
      recordLine = line
    default:
      field.append(byte)
    }
  }
  if !fields.isEmpty || !field.isEmpty || fieldWasQuoted { endRecord() }
  return records
}
