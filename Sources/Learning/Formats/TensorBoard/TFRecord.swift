/// TFRecord framing, the container of TensorBoard event files.
///
/// Each record is `u64 length | u32 masked-crc32c(length bytes) | data | u32 masked-crc32c(data)`,
/// all little-endian (tensorflow/core/lib/io/record_writer.cc).
package enum TFRecord {
  /// `data` framed as one record.
  package static func framed(_ data: [UInt8]) -> [UInt8] {
    var record: [UInt8] = []
    record.reserveCapacity(data.count + 16)
    appendLittleEndian(UInt64(data.count), to: &record)
    appendLittleEndian(CRC32C.masked(record), to: &record)
    record += data
    appendLittleEndian(CRC32C.masked(data), to: &record)
    return record
  }

  /// The records of `bytes`, each checked against its length and data checksums.
  package static func records(in bytes: [UInt8]) throws(TFRecordError) -> [[UInt8]] {
    var records: [[UInt8]] = []
    var at = 0
    while at < bytes.count {
      guard bytes.count - at >= 12 else { throw TFRecordError(offset: at, "truncated length") }
      let lengthBytes = bytes[at..<at + 8]
      guard littleEndian(bytes[at + 8..<at + 12]) == UInt64(CRC32C.masked(lengthBytes)) else {
        throw TFRecordError(offset: at, "length checksum mismatch")
      }
      let length = littleEndian(lengthBytes)
      guard length <= UInt64(bytes.count - at - 16) else {
        throw TFRecordError(offset: at, "truncated record")
      }
      let data = Array(bytes[at + 12..<at + 12 + Int(length)])
      at += 12 + data.count
      guard littleEndian(bytes[at..<at + 4]) == UInt64(CRC32C.masked(data)) else {
        throw TFRecordError(offset: at, "data checksum mismatch")
      }
      at += 4
      records.append(data)
    }
    return records
  }

  /// The little-endian unsigned integer in `bytes` (at most 8 of them).
  private static func littleEndian(_ bytes: ArraySlice<UInt8>) -> UInt64 {
    bytes.reversed().reduce(0) { $0 << 8 | UInt64($1) }
  }
}

/// A TFRecord stream that does not frame or check out, at a byte offset.
package struct TFRecordError: Error, CustomStringConvertible {
  /// Where the bad record starts.
  package var offset: Int
  /// What is wrong.
  package var reason: String

  package init(offset: Int, _ reason: String) {
    self.offset = offset
    self.reason = reason
  }

  package var description: String { "bad TFRecord at byte \(offset): \(reason)" }
}
