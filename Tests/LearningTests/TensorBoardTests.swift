import Learning
import Testing

@Test func crc32cMatchesTheStandardCheckValue() {
  #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
  #expect(CRC32C.checksum([UInt8]()) == 0)
}

@Test func tfRecordsReadBackAndDetectCorruption() throws {
  let payloads: [[UInt8]] = [[], [1, 2, 3], Array(repeating: 7, count: 300)]
  var stream = payloads.flatMap(TFRecord.framed)
  #expect(try TFRecord.records(in: stream) == payloads)
  stream[20] ^= 1
  #expect(throws: TFRecordError.self) { try TFRecord.records(in: stream) }
  #expect(throws: TFRecordError.self) { try TFRecord.records(in: Array(stream.prefix(10))) }
}

@Test func eventFileEncodesVersionThenScalarEvents() throws {
  var file = TensorBoardEventFile(wallTime: 1.5)
  file.appendScalar(tag: "loss", step: 3, value: 0.5, wallTime: 2)
  let records = try TFRecord.records(in: file.bytes)
  #expect(records.count == 2)
  // wall_time (field 1, double 1.5), file_version (field 3, "brain.Event:2").
  #expect(
    records[0] == [0x09, 0, 0, 0, 0, 0, 0, 0xF8, 0x3F, 0x1A, 13] + Array("brain.Event:2".utf8))
  // wall_time 2.0, step 3, summary { value { tag "loss", simple_value 0.5f } }.
  let value: [UInt8] = [0x0A, 4] + Array("loss".utf8) + [0x15, 0, 0, 0, 0x3F]
  let summary: [UInt8] = [0x0A, UInt8(value.count)] + value
  let event: [UInt8] =
    [0x09, 0, 0, 0, 0, 0, 0, 0, 0x40, 0x10, 3, 0x2A, UInt8(summary.count)] + summary
  #expect(records[1] == event)
  #expect(TensorBoardEventFile.fileName(wallTime: 1.5).contains("tfevents"))
}
