import Foundation
import Support

/// A named tensor as stored in a safetensors file: its name, shape, row-major values and whether
/// it holds real numbers or counts.
public struct NamedTensor: Sendable, Equatable {
  /// How a tensor's values are stored in a file.
  public enum ElementType: String, Sendable, Equatable {
    /// 32-bit floats (`F32`): weights, biases, running statistics.
    case float32 = "F32"
    /// 64-bit integers (`I64`): counts, as PyTorch stores BatchNorm's `num_batches_tracked`.
    case int64 = "I64"
  }

  /// The tensor's name, e.g. `0.weight` as in PyTorch's `state_dict`.
  public var name: String
  /// The tensor's shape; `[]` is a scalar.
  public var shape: [Int]
  /// The values in row-major order; there are `shape.reduce(1, *)` of them.
  public var values: [Float]
  /// How the values are stored in a file: floats, or whole counts.
  public var elementType: ElementType

  /// A tensor named `name` of `shape` holding `values` (row-major), stored as `elementType`
  /// (a count tensor's values must be whole numbers).
  public init(name: String, shape: [Int], values: [Float], elementType: ElementType = .float32) {
    precondition(shape.allSatisfy { $0 >= 0 }, "tensor '\(name)': negative dimension in \(shape)")
    precondition(
      values.count == shape.reduce(1, *),
      "tensor '\(name)': \(values.count) values do not fill shape \(shape)")
    precondition(
      elementType == .float32 || values.allSatisfy { Int64(exactly: $0) != nil },
      "tensor '\(name)': a count tensor holds whole numbers")
    self.name = name
    self.shape = shape
    self.values = values
    self.elementType = elementType
  }
}

/// A safetensors file of tensors (floats and counts) and its `__metadata__` string map.
///
/// Layout (huggingface.co/docs/safetensors): an 8-byte little-endian header length `n`, `n` bytes
/// of a UTF-8 JSON header `{"__metadata__": {…}, "<name>": {"dtype": "F32", "shape": […],
/// "data_offsets": [begin, end]}, …}` padded with spaces to a multiple of 8, then the data, which
/// the tensors' offsets (relative to the data's start) cover exactly, without gaps or overlaps.
/// Reading rejects every malformation the reference reader rejects (see `SafetensorsError`).
public struct SafetensorsFile: Sendable, Equatable {
  /// The tensors, in the order they are written; read files list them by data offset.
  public var tensors: [NamedTensor]
  /// The free-form `__metadata__` map of the header.
  public var metadata: [String: String]
  /// What reading converted with a loss of precision, one sentence per tensor (64-bit floats
  /// rounded to 32 bits, integers beyond 2²⁴); empty for files trainbook writes.
  public var conversionNotes: [String] = []

  /// A file holding `tensors` and `metadata`.
  public init(tensors: [NamedTensor], metadata: [String: String] = [:]) {
    self.tensors = tensors
    self.metadata = metadata
  }

  /// The tensor named `name`, if there is one.
  public subscript(name: String) -> NamedTensor? {
    tensors.first { $0.name == name }
  }

  /// Reads and validates the safetensors file at `url`; a file that cannot be read is a
  /// `SafetensorsError` of kind `.unreadable` saying why in plain words.
  public static func read(from url: URL) throws(SafetensorsError) -> SafetensorsFile {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
      throw SafetensorsError(.unreadable, "there is no file at \(url.path)")
    }
    guard !isFolder.boolValue else {
      throw SafetensorsError(.unreadable, "\(url.path) is a folder, not a file")
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw SafetensorsError(.unreadable, "\(url.path) cannot be read; check its permissions")
    }
    return try SafetensorsFile(decoding: [UInt8](data))
  }

  /// Writes the file to `url` atomically.
  public func write(to url: URL) throws {
    try writeAtomically(try encoded(), to: url.path)
  }

  /// The file's bytes: header length, space-padded JSON header, then the data in tensor order
  /// (floats as `F32`, counts as `I64`, as PyTorch writes them).
  public func encoded() throws -> [UInt8] {
    var seen: Set<String> = ["__metadata__"]
    for tensor in tensors where !seen.insert(tensor.name).inserted {
      throw SafetensorsError(
        .duplicateName, tensor: tensor.name, "the name is used twice or is reserved")
    }
    var entries: [String] = []
    if !metadata.isEmpty {
      let pairs = metadata.sorted { $0.key < $1.key }
        .map { "\(jsonQuoted($0.key)):\(jsonQuoted($0.value))" }
      entries.append("\"__metadata__\":{\(pairs.joined(separator: ","))}")
    }
    var offset = 0
    for tensor in tensors {
      let end = offset + tensor.values.count * (tensor.elementType == .int64 ? 8 : 4)
      let shape = tensor.shape.map(String.init).joined(separator: ",")
      entries.append(
        "\(jsonQuoted(tensor.name)):{\"dtype\":\"\(tensor.elementType.rawValue)\","
          + "\"shape\":[\(shape)],\"data_offsets\":[\(offset),\(end)]}")
      offset = end
    }
    var header = Array("{\(entries.joined(separator: ","))}".utf8)
    header += repeatElement(UInt8(ascii: " "), count: (8 - header.count % 8) % 8)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(8 + header.count + offset)
    appendLittleEndian(UInt64(header.count), to: &bytes)
    bytes += header
    for tensor in tensors {
      switch tensor.elementType {
      case .float32:
        for value in tensor.values { appendLittleEndian(value.bitPattern, to: &bytes) }
      case .int64:
        for value in tensor.values { appendLittleEndian(Int64(value), to: &bytes) }
      }
    }
    return bytes
  }
}

/// Appends `value`'s bytes, least significant first.
package func appendLittleEndian<Value: FixedWidthInteger>(_ value: Value, to bytes: inout [UInt8]) {
  var remaining = value.littleEndian
  withUnsafeBytes(of: &remaining) { bytes.append(contentsOf: $0) }
}
