/// `bytes` as UTF-8 text, or an error at the line and column of the first byte that is not
/// UTF-8 (a file saved as Latin-1 or Windows-1252 would otherwise turn `größe` into `gr��e`).
func utf8Text(_ bytes: [UInt8], file: String) throws(DataError) -> String {
  if let text = String(validating: bytes, as: UTF8.self) { return text }
  var parser = Unicode.UTF8.ForwardParser()
  var iterator = bytes.makeIterator()
  var offset = 0
  parsing: while true {
    switch parser.parseScalar(from: &iterator) {
    case .valid(let scalar): offset += scalar.count
    case .emptyInput: break parsing
    case .error: break parsing
    }
  }
  let lineStart = bytes[..<offset].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
  let line = bytes[..<offset].count(where: { $0 == UInt8(ascii: "\n") }) + 1
  let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
  let byte = bytes[offset]
  let hex = "0x" + String(byte, radix: 16, uppercase: true)
  let latin1 = byte >= 0xA0 ? " (in Latin-1 it is \"\(Character(Unicode.Scalar(byte)))\")" : ""
  throw DataError(
    .unreadableFile, "the file is not UTF-8 text: byte \(hex) here is not a character\(latin1)",
    file: file, line: line, column: column,
    hint: "save it as UTF-8 (in Excel \"CSV UTF-8\"; in pandas to_csv(…, encoding=\"utf-8\"))")
}
