import Foundation
import Support

/// A named Float32 tensor as stored in a safetensors file: its name, shape and row-major values.
public struct NamedTensor: Sendable, Equatable {
  /// The tensor's name, e.g. `0.weight` as in PyTorch's `state_dict`.
  public var name: String
  /// The tensor's shape; `[]` is a scalar.
  public var shape: [Int]
  /// The values in row-major order; there are `shape.reduce(1, *)` of them.
  public var values: [Float]

  /// A tensor named `name` of `shape` holding `values` (row-major).
  public init(name: String, shape: [Int], values: [Float]) {
    precondition(shape.allSatisfy { $0 >= 0 }, "tensor '\(name)': negative dimension in \(shape)")
    precondition(
      values.count == shape.reduce(1, *),
      "tensor '\(name)': \(values.count) values do not fill shape \(shape)")
    self.name = name
    self.shape = shape
    self.values = values
  }
}

/// A safetensors file of Float32 tensors and its `__metadata__` string map.
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

  /// A file holding `tensors` and `metadata`.
  public init(tensors: [NamedTensor], metadata: [String: String] = [:]) {
    self.tensors = tensors
    self.metadata = metadata
  }

  /// The tensor named `name`, if there is one.
  public subscript(name: String) -> NamedTensor? {
    tensors.first { $0.name == name }
  }

  /// Reads and validates the safetensors file at `url`.
  public static func read(from url: URL) throws -> SafetensorsFile {
    let data = try Data(contentsOf: url)
    return try SafetensorsFile(decoding: [UInt8](data))
  }

  /// Writes the file to `url` atomically.
  public func write(to url: URL) throws {
    try writeAtomically(try encoded(), to: url.path)
  }

  /// The file's bytes: header length, space-padded JSON header, then the data in tensor order.
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
      let end = offset + tensor.values.count * 4
      let shape = tensor.shape.map(String.init).joined(separator: ",")
      entries.append(
        "\(jsonQuoted(tensor.name)):{\"dtype\":\"F32\",\"shape\":[\(shape)],"
          + "\"data_offsets\":[\(offset),\(end)]}")
      offset = end
    }
    var header = Array("{\(entries.joined(separator: ","))}".utf8)
    header += repeatElement(UInt8(ascii: " "), count: (8 - header.count % 8) % 8)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(8 + header.count + offset)
    appendLittleEndian(UInt64(header.count), to: &bytes)
    bytes += header
    for tensor in tensors {
      for value in tensor.values { appendLittleEndian(value.bitPattern, to: &bytes) }
    }
    return bytes
  }
}

/// Appends `value`'s bytes, least significant first.
package func appendLittleEndian<Value: FixedWidthInteger>(_ value: Value, to bytes: inout [UInt8]) {
  var remaining = value.littleEndian
  withUnsafeBytes(of: &remaining) { bytes.append(contentsOf: $0) }
}
