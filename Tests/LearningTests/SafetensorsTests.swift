import Foundation
import Learning
import Support
import TestSupport
import Testing

/// A two-tensor file as PyTorch's `nn.Sequential(nn.Linear(2, 3))` would name it.
private let sample = SafetensorsFile(
  tensors: [
    NamedTensor(name: "0.weight", shape: [3, 2], values: [1, -2, 3.5, 0, -0.0, .infinity]),
    NamedTensor(name: "0.bias", shape: [3], values: [0.25, -1e-30, 7]),
  ],
  metadata: ["format": "pt", "note": "quote \" and\nnewline"])

/// The bytes of a file with `header` (padded to 8) and `data`.
private func file(header: String, data: [UInt8] = []) -> [UInt8] {
  var headerBytes = Array(header.utf8)
  headerBytes += repeatElement(UInt8(ascii: " "), count: (8 - headerBytes.count % 8) % 8)
  return withUnsafeBytes(of: UInt64(headerBytes.count).littleEndian, Array.init)
    + headerBytes + data
}

/// The kind of error decoding `bytes` throws, and the tensor it names.
private func rejection(_ bytes: [UInt8]) -> (SafetensorsError.Kind, String?)? {
  do {
    _ = try SafetensorsFile(decoding: bytes)
    return nil
  } catch {
    return (error.kind, error.tensor)
  }
}

@Test func safetensorsRoundTripsValuesShapesAndMetadata() throws {
  let decoded = try SafetensorsFile(decoding: try sample.encoded())
  #expect(decoded.metadata == sample.metadata)
  #expect(decoded.tensors.map(\.name) == ["0.weight", "0.bias"])
  #expect(decoded["0.weight"]?.shape == [3, 2])
  let bits = { (file: SafetensorsFile) in file.tensors.map { $0.values.map(\.bitPattern) } }
  #expect(bits(decoded) == bits(sample))
}

@Test func safetensorsHeaderIsPaddedAndDataFollows() throws {
  let bytes = try sample.encoded()
  let headerLength = bytes[0..<8].reversed().reduce(0) { $0 << 8 | Int($1) }
  #expect(headerLength % 8 == 0)
  #expect(bytes.count == 8 + headerLength + 9 * 4)
  let header = String(decoding: bytes[8..<8 + headerLength], as: UTF8.self)
  #expect(header.hasPrefix("{\"__metadata__\":{\"format\":\"pt\""))
  #expect(header.contains("\"0.bias\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[24,36]}"))
}

@Test func safetensorsWritesAtomicallyAndReadsBack() throws {
  try withTemporaryFolder("safetensors") { folder in
    let url = folder.appendingPathComponent("model.safetensors")
    try sample.write(to: url)
    try sample.write(to: url)
    #expect(try SafetensorsFile.read(from: url) == sample)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["model.safetensors"])
  }
}

@Test func safetensorsWriteIntoAMissingFolderThrows() {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("missing-\(UUID().uuidString)/model.safetensors")
  #expect(throws: FileWriteError.self) { try sample.write(to: url) }
}

@Test func safetensorsWriterRejectsDuplicateNames() {
  let tensor = NamedTensor(name: "w", shape: [1], values: [1])
  #expect(throws: SafetensorsError.self) {
    try SafetensorsFile(tensors: [tensor, tensor]).encoded()
  }
}

@Test func safetensorsReaderRejectsMalformedFiles() {
  let four = [UInt8](repeating: 0, count: 4)
  let entry = { (name: String, offsets: String) in
    "\"\(name)\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[\(offsets)]}"
  }
  let two = "{\(entry("a", "0,4")),\(entry("b", "4,8"))}"
  let cases: [(String, [UInt8], SafetensorsError.Kind, String?)] = [
    ("short file", [1, 0, 0], .tooShort, nil),
    (
      "huge header", withUnsafeBytes(of: UInt64(200_000_000).littleEndian, Array.init),
      .headerTooLarge, nil
    ),
    ("header past end", [64, 0, 0, 0, 0, 0, 0, 0, 0x7B, 0x7D], .headerBeyondFile, nil),
    (
      "bad utf-8", [8, 0, 0, 0, 0, 0, 0, 0, 0x7B, 0xFF, 0x7D, 32, 32, 32, 32, 32], .invalidUTF8, nil
    ),
    ("bad json", file(header: "{\"a\":"), .invalidJSON, nil),
    (
      "deeply nested json",
      file(header: String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)),
      .invalidJSON, nil
    ),
    ("not an object", file(header: "[1, 2]"), .invalidHeader, nil),
    ("metadata not strings", file(header: "{\"__metadata__\":{\"k\":1}}"), .invalidHeader, nil),
    (
      "shape not integers",
      file(
        header: "{\"a\":{\"dtype\":\"F32\",\"shape\":[\"1\"],\"data_offsets\":[0,4]}}", data: four),
      .invalidHeader, "a"
    ),
    (
      "shape written as a decimal",
      file(
        header: "{\"a\":{\"dtype\":\"F32\",\"shape\":[1.0],\"data_offsets\":[0,4]}}",
        data: four),
      .invalidHeader, "a"
    ),
    (
      "offset written with an exponent",
      file(
        header: "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4e0]}}",
        data: four),
      .invalidHeader, "a"
    ),
    (
      "offsets missing", file(header: "{\"a\":{\"dtype\":\"F32\",\"shape\":[1]}}", data: four),
      .invalidHeader, "a"
    ),
    (
      "unknown dtype",
      file(
        header: "{\"a\":{\"dtype\":\"F31\",\"shape\":[1],\"data_offsets\":[0,4]}}", data: four),
      .unknownDtype, "a"
    ),
    (
      "unsupported dtype",
      file(
        header: "{\"a\":{\"dtype\":\"U32\",\"shape\":[1],\"data_offsets\":[0,4]}}", data: four),
      .unsupportedDtype, "a"
    ),
    (
      "span mismatch",
      file(
        header: "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4]}}", data: four),
      .spanMismatch, "a"
    ),
    (
      "gap", file(header: "{\(entry("a", "0,4")),\(entry("b", "8,12"))}", data: four + four + four),
      .gap, "b"
    ),
    (
      "overlap",
      file(
        header:
          "{\(entry("a", "0,4")),\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[2,10]}}",
        data: four + four + four), .overlap, "b"
    ),
    ("missing bytes", file(header: two, data: four), .missingBytes, nil),
    ("trailing bytes", file(header: two, data: four + four + four), .trailingBytes, nil),
  ]
  for (label, bytes, kind, tensor) in cases {
    let result = rejection(bytes)
    #expect(result?.0 == kind, "\(label)")
    #expect(result?.1 == tensor, "\(label)")
  }
  #expect(rejection(file(header: two, data: four + four)) == nil)
}

@Test func safetensorsErrorsNameTheTensor() {
  let error = SafetensorsError(.spanMismatch, tensor: "0.weight", "shape [2] needs 8 bytes")
  #expect(
    error.description == "malformed safetensors file: tensor '0.weight': shape [2] needs 8 bytes")
}

/// A file written by the reference `safetensors` package (References/safetensors_fixture.py).
private let referenceFileHex =
  "d8000000000000007b225f5f6d657461646174615f5f223a7b22666f726d6174223a227074227d2c22302e62"
  + "696173223a7b226474797065223a22463332222c227368617065223a5b335d2c22646174615f6f6666736574"
  + "73223a5b302c31325d7d2c22302e776569676874223a7b226474797065223a22463332222c22736861706522"
  + "3a5b332c325d2c22646174615f6f666673657473223a5b31322c33365d7d2c227363616c6172223a7b226474"
  + "797065223a22463332222c227368617065223a5b5d2c22646174615f6f666673657473223a5b33362c34305d"
  + "7d7d20200000003e000080bf000020400000c03f000000c00000803e00004040000000bf0000004100008040"

@Test func safetensorsReadsTheReferenceWritersOutput() throws {
  let hex = Array(referenceFileHex.utf8)
  let bytes = stride(from: 0, to: hex.count, by: 2).map { index in
    UInt8(String(decoding: hex[index..<index + 2], as: UTF8.self), radix: 16) ?? 0
  }
  let file = try SafetensorsFile(decoding: bytes)
  #expect(file.metadata == ["format": "pt"])
  #expect(file.tensors.map(\.name) == ["0.bias", "0.weight", "scalar"])
  #expect(
    file["0.weight"]
      == NamedTensor(name: "0.weight", shape: [3, 2], values: [1.5, -2, 0.25, 3, -0.5, 8]))
  #expect(file["0.bias"]?.values == [0.125, -1, 2.5])
  #expect(file["scalar"] == NamedTensor(name: "scalar", shape: [], values: [4]))
}
