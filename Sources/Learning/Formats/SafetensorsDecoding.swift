import Foundation
import Support

extension SafetensorsFile {
  /// The largest header the reference reader accepts: 100 MB.
  public static let maximumHeaderLength = 100_000_000

  /// The byte size of each safetensors dtype; `readableDtypes` are read.
  static let dtypeSizes: [String: Int] = [
    "BOOL": 1, "U8": 1, "I8": 1, "F8_E5M2": 1, "F8_E4M3": 1, "I16": 2, "U16": 2, "F16": 2,
    "BF16": 2, "I32": 4, "U32": 4, "F32": 4, "I64": 8, "U64": 8, "F64": 8,
  ]

  /// The dtypes trainbook reads: floats become 32-bit floats, integers become counts.
  static let readableDtypes = ["F32", "F64", "F16", "BF16", "I64", "I32"]

  /// Parses and validates `bytes` as a safetensors file, throwing `SafetensorsError` with the
  /// reason (and the tensor at fault) on any malformation. Tensors of other dtypes than `F32`
  /// are converted (see `readableDtypes`); `conversionNotes` says where precision was lost.
  public init(decoding bytes: [UInt8]) throws(SafetensorsError) {
    if let other = OtherWeightsFormat(recognizing: bytes) {
      throw SafetensorsError(.notSafetensors, other.description, hint: other.hint)
    }
    guard bytes.count >= 8 else {
      throw SafetensorsError(
        .tooShort, "the file is \(bytes.count) bytes; it must start with an 8-byte header length")
    }
    let headerLength = bytes[0..<8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    guard headerLength <= UInt64(Self.maximumHeaderLength) else {
      throw SafetensorsError(
        .headerTooLarge, "the header length \(headerLength) is over the 100 MB limit")
    }
    let dataStart = 8 + Int(headerLength)
    guard dataStart <= bytes.count else {
      throw SafetensorsError(
        .headerBeyondFile,
        "the header length \(headerLength) runs past the end of the \(bytes.count)-byte file")
    }
    let entries = try Self.parseHeader(bytes[8..<dataStart])
    metadata = try Self.metadata(in: entries)
    let layouts = try entries.filter { $0.key != "__metadata__" }
      .map { entry throws(SafetensorsError) in try TensorLayout(name: entry.key, entry.value) }
      .sorted { ($0.begin, $0.end, $0.name) < ($1.begin, $1.end, $1.name) }
    try Self.checkCoverage(layouts, dataLength: bytes.count - dataStart)
    var notes: [String] = []
    tensors = try layouts.map { layout throws(SafetensorsError) in
      guard Self.readableDtypes.contains(layout.dtype) else {
        throw SafetensorsError(
          .unsupportedDtype, tensor: layout.name,
          "dtype \(layout.dtype) is not read; trainbook reads "
            + Self.readableDtypes.joined(separator: ", "),
          hint: "in PyTorch, save `tensor.float()`")
      }
      let converted = bytes.withUnsafeBytes { raw in
        ConvertedValues(
          layout.dtype, raw: raw, offset: dataStart + layout.begin, count: layout.elementCount)
      }
      if converted.roundedCount > 0 { notes.append(converted.note(for: layout.name)) }
      return NamedTensor(
        name: layout.name, shape: layout.shape, values: converted.values,
        elementType: converted.isCount ? .int64 : .float32)
    }
    conversionNotes = notes
  }

  /// The header's top-level JSON object.
  private static func parseHeader(
    _ header: ArraySlice<UInt8>
  ) throws(SafetensorsError) -> [String: JSONValue] {
    guard !header.starts(with: [0xEF, 0xBB, 0xBF]) else {
      throw SafetensorsError(
        .invalidJSON, "the header starts with a UTF-8 byte-order mark, which safetensors forbids")
    }
    guard let text = String(validating: header, as: UTF8.self) else {
      throw SafetensorsError(.invalidUTF8, "the header is not valid UTF-8")
    }
    let value: JSONValue
    do {
      value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    } catch {
      throw SafetensorsError(.invalidJSON, "the header is not valid JSON")
    }
    guard let entries = value.members else {
      throw SafetensorsError(.invalidHeader, "the header is \(value.typeName), not an object")
    }
    let layoutFields = ["shape", "data_offsets"]
    let inLayout = { (number: WrittenFraction) in
      number.path.count == 2 && layoutFields.contains(number.path[1])
    }
    if let number = JSONValue.writtenFractions(in: text).first(where: inLayout) {
      throw SafetensorsError(
        .invalidHeader, tensor: number.path[0],
        "'\(number.path[1])' holds \(number.literal); shapes and offsets must be written as "
          + "JSON integers")
    }
    return entries
  }

  /// The `__metadata__` map, which must map strings to strings.
  private static func metadata(
    in entries: [String: JSONValue]
  ) throws(SafetensorsError) -> [String: String] {
    guard let value = entries["__metadata__"] else { return [:] }
    guard case .object(let pairs) = value else {
      throw SafetensorsError(.invalidHeader, "__metadata__ is \(value.typeName), not an object")
    }
    var metadata: [String: String] = [:]
    for (key, value) in pairs {
      guard case .string(let text) = value else {
        throw SafetensorsError(
          .invalidHeader, "__metadata__ '\(key)' is \(value.typeName), not a string")
      }
      metadata[key] = text
    }
    return metadata
  }

  /// Checks that the tensors, sorted by offset, cover the `dataLength` bytes exactly.
  private static func checkCoverage(
    _ layouts: [TensorLayout], dataLength: Int
  ) throws(SafetensorsError) {
    var expected = 0
    for layout in layouts {
      if layout.begin > expected {
        throw SafetensorsError(
          .gap, tensor: layout.name,
          "it starts at byte \(layout.begin) but the previous tensor ends at \(expected)")
      }
      if layout.begin < expected {
        throw SafetensorsError(
          .overlap, tensor: layout.name,
          "it starts at byte \(layout.begin), inside the previous tensor, which ends at \(expected)"
        )
      }
      expected = layout.end
    }
    if expected < dataLength {
      throw SafetensorsError(
        .trailingBytes,
        "the data has \(dataLength) bytes but the tensors cover only \(expected)")
    }
    if expected > dataLength {
      throw SafetensorsError(
        .missingBytes, "the tensors need \(expected) bytes of data but the file has \(dataLength)")
    }
  }
}

/// One tensor's header entry, checked for types and for a span that matches its shape.
private struct TensorLayout {
  var name: String
  var dtype: String
  var shape: [Int]
  var elementCount: Int
  var begin: Int
  var end: Int

  init(name: String, _ value: JSONValue) throws(SafetensorsError) {
    func invalid(_ detail: String) -> SafetensorsError {
      SafetensorsError(.invalidHeader, tensor: name, detail)
    }
    guard let fields = value.members else {
      throw invalid("its entry is \(value.typeName), not an object")
    }
    guard case .string(let dtype) = fields["dtype"] else {
      throw invalid("'dtype' is missing or not a string")
    }
    guard let size = SafetensorsFile.dtypeSizes[dtype] else {
      throw SafetensorsError(.unknownDtype, tensor: name, "'\(dtype)' is not a safetensors dtype")
    }
    guard case .array(let dimensions) = fields["shape"] else {
      throw invalid("'shape' is missing or not an array")
    }
    let shape = dimensions.compactMap(\.count)
    guard shape.count == dimensions.count else {
      throw invalid("'shape' must be an array of non-negative integers")
    }
    guard case .array(let offsets) = fields["data_offsets"], offsets.count == 2,
      let begin = offsets[0].count, let end = offsets[1].count
    else { throw invalid("'data_offsets' is missing or not two non-negative integers") }
    guard end >= begin else {
      throw invalid("'data_offsets' [\(begin), \(end)] end before they begin")
    }
    var elementCount = 1
    for dimension in shape {
      let (product, overflow) = elementCount.multipliedReportingOverflow(by: dimension)
      guard !overflow else { throw invalid("shape \(shape) has too many elements") }
      elementCount = product
    }
    let (span, overflow) = elementCount.multipliedReportingOverflow(by: size)
    guard !overflow, span == end - begin else {
      throw SafetensorsError(
        .spanMismatch, tensor: name,
        "shape \(shape) of \(dtype) needs \(elementCount) × \(size) bytes but 'data_offsets' "
          + "[\(begin), \(end)] hold \(end - begin)")
    }
    self.name = name
    self.dtype = dtype
    self.shape = shape
    self.elementCount = elementCount
    self.begin = begin
    self.end = end
  }
}
