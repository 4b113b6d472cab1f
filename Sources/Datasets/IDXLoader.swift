import Foundation

/// An array read from an IDX file, the format of MNIST and Fashion-MNIST.
///
/// The format (LeCun et al., http://yann.lecun.com/exdb/mnist/): two zero bytes, a type byte
/// (0x08 unsigned byte, 0x09 signed byte, 0x0B 16-bit, 0x0C 32-bit integer, 0x0D float,
/// 0x0E double), a byte giving the number of dimensions, each dimension as a big-endian 32-bit
/// size, then the values, big-endian, in row-major order.
public struct IDXArray: Sendable, Equatable {
  /// The size of each dimension, the first counting samples.
  public var dimensions: [Int]
  /// The values, row-major.
  public var values: [Float]
  /// Whether the values were stored as unsigned bytes (MNIST's pixels and labels).
  public var isUnsignedBytes: Bool

  /// Reads the IDX file at `path`; a file that is not IDX, is compressed, or is cut short or too
  /// long is rejected with the reason.
  public init(contentsOf path: String) throws(DataError) {
    try self.init(bytes: try readFile(path), file: path)
  }

  /// Parses the bytes of an IDX file; `file` names it in error messages.
  public init(bytes: [UInt8], file: String) throws(DataError) {
    func fail(_ message: String, hint: String? = nil) -> DataError {
      DataError(.malformedIDX, message, file: file, hint: hint)
    }
    if bytes.starts(with: [0x1F, 0x8B]) {
      throw fail(
        "this is a gzip-compressed file, not an IDX file",
        hint: "decompress it first, e.g. gunzip train-images-idx3-ubyte.gz")
    }
    guard bytes.count >= 4 else {
      throw fail("the file is \(bytes.count) bytes long, too short for the 4-byte IDX header")
    }
    guard bytes[0] == 0, bytes[1] == 0 else {
      throw fail(
        "bytes 0 and 1 are not zero, so this is not an IDX file",
        hint: "IDX files (MNIST's format) start with two zero bytes")
    }
    let typeSizes: [UInt8: Int] = [0x08: 1, 0x09: 1, 0x0B: 2, 0x0C: 4, 0x0D: 4, 0x0E: 8]
    guard let valueSize = typeSizes[bytes[2]] else {
      throw fail(
        "byte 2 gives an unknown data type 0x" + String(bytes[2], radix: 16, uppercase: true),
        hint: "the types are 0x08, 0x09, 0x0B, 0x0C, 0x0D and 0x0E")
    }
    let rank = Int(bytes[3])
    guard rank >= 1 else { throw fail("byte 3 says the array has 0 dimensions") }
    let headerSize = 4 + 4 * rank
    guard bytes.count >= headerSize else {
      throw fail(
        "the header needs \(headerSize) bytes for \(rank) dimensions, but the file has "
          + "\(bytes.count)")
    }
    var dimensions: [Int] = []
    var total = 1
    for axis in 0..<rank {
      let size = Int(bigEndianWord(bytes, at: 4 + 4 * axis))
      guard size > 0 else { throw fail("dimension \(axis) has size 0, so the array is empty") }
      let (product, overflow) = total.multipliedReportingOverflow(by: size)
      guard !overflow, product <= bytes.count else {
        throw fail("the dimensions \(dimensions + [size]) need more values than the file holds")
      }
      dimensions.append(size)
      total = product
    }
    let expected = headerSize + total * valueSize
    guard bytes.count == expected else {
      let shape = dimensions.map(String.init).joined(separator: "×")
      throw fail(
        "\(shape) values of \(valueSize) byte\(valueSize == 1 ? "" : "s") need a file of "
          + "\(expected) bytes, but it has \(bytes.count)"
          + (bytes.count < expected ? " (is it cut short?)" : " (extra bytes at the end)"))
    }
    self.dimensions = dimensions
    self.isUnsignedBytes = bytes[2] == 0x08
    var values: [Float] = []
    values.reserveCapacity(total)
    for index in 0..<total {
      if index % 65536 == 0 { try stopIfInterrupted() }
      values.append(decode(bytes, at: headerSize + index * valueSize, type: bytes[2]))
    }
    self.values = values
    if let bad = values.firstIndex(where: { !$0.isFinite }) {
      throw fail("value \(bad) is \(values[bad]), not a finite number")
    }
  }
}

extension Dataset {
  /// A classification dataset from an IDX images file (samples × rows × columns, or any shape
  /// whose first dimension counts samples) and an IDX labels file (one whole number ≥ 0 per
  /// sample), as MNIST ships them; unsigned-byte pixels are divided by 255 so they lie in [0, 1].
  ///
  /// The classes are `0...` the largest label, named by their numbers.
  public static func idx(images imagesPath: String, labels labelsPath: String, name: String)
    throws(DataError) -> Dataset
  {
    let images = try IDXArray(contentsOf: imagesPath)
    let labels = try IDXArray(contentsOf: labelsPath)
    guard labels.dimensions.count == 1 else {
      throw DataError(
        .mismatchedFiles, "a labels file has 1 dimension, this one has \(labels.dimensions.count)",
        file: labelsPath, hint: "were the images and labels files swapped?")
    }
    guard let samples = images.dimensions.first, images.dimensions.count >= 2 else {
      throw DataError(
        .mismatchedFiles, "an images file has at least 2 dimensions (samples × pixels)",
        file: imagesPath, hint: "were the images and labels files swapped?")
    }
    guard labels.dimensions[0] == samples else {
      throw DataError(
        .mismatchedFiles,
        "the images file holds \(samples) images but the labels file \(labels.dimensions[0]) "
          + "labels", file: labelsPath)
    }
    if let bad = labels.values.firstIndex(where: { $0 < 0 || $0 != $0.rounded() || $0 >= 1000 }) {
      throw DataError(
        .malformedIDX, "label \(bad) is \(labels.values[bad]), not a class number from 0 to 999",
        file: labelsPath)
    }
    let classes = Int(labels.values.max() ?? 0) + 1
    let width = images.dimensions.dropFirst().reduce(1, *)
    let pixels = images.isUnsignedBytes ? images.values.map { $0 / 255 } : images.values
    let names =
      images.dimensions.count == 3
      ? (0..<width).map { "pixel_\($0 / images.dimensions[2])_\($0 % images.dimensions[2])" }
      : nil
    return Dataset(
      name: name, features: pixels, featureCount: width, targets: labels.values,
      featureNames: names, task: classes <= 2 ? .binary : .multiclass(classes: classes),
      classNames: (0..<max(classes, 2)).map(String.init), provenance: .file(path: imagesPath))
  }
}

/// The big-endian 32-bit word at `offset`.
private func bigEndianWord(_ bytes: [UInt8], at offset: Int) -> UInt32 {
  bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
}

/// The value of IDX `type` at `offset`, as a `Float`.
private func decode(_ bytes: [UInt8], at offset: Int, type: UInt8) -> Float {
  switch type {
  case 0x08: return Float(bytes[offset])
  case 0x09: return Float(Int8(bitPattern: bytes[offset]))
  case 0x0B: return Float(Int16(bitPattern: UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])))
  case 0x0C: return Float(Int32(bitPattern: bigEndianWord(bytes, at: offset)))
  case 0x0D: return Float(bitPattern: bigEndianWord(bytes, at: offset))
  default:
    let high = UInt64(bigEndianWord(bytes, at: offset))
    let low = UInt64(bigEndianWord(bytes, at: offset + 4))
    return Float(Double(bitPattern: high << 32 | low))
  }
}
