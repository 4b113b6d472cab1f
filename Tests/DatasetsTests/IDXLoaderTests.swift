import Datasets
import Foundation
import TestSupport
import Testing

/// The bytes of an IDX file: magic, type, rank, big-endian sizes, then `payload`.
private func idx(type: UInt8, dimensions: [UInt32], payload: [UInt8]) -> [UInt8] {
  var bytes: [UInt8] = [0, 0, type, UInt8(dimensions.count)]
  for size in dimensions { bytes += withUnsafeBytes(of: size.bigEndian, Array.init) }
  return bytes + payload
}

/// Writes `bytes` to a file called `name` in `folder` and returns its path.
private func write(_ name: String, _ bytes: [UInt8], in folder: URL) throws -> String {
  let path = folder.appendingPathComponent(name).path
  try Data(bytes).write(to: URL(fileURLWithPath: path))
  return path
}

/// Expects parsing `bytes` to fail as malformed IDX with exactly `description`.
private func expectMalformed(
  _ bytes: [UInt8], _ description: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(sourceLocation: sourceLocation) {
    try IDXArray(bytes: bytes, file: "x.idx")
  } throws: { error in
    let error = error as? DataError
    return error?.kind == .malformedIDX && error?.description == description
  }
}

@Suite struct IDXLoaderTests {
  @Test func readsUnsignedBytesFloatsAndSignedIntegers() throws {
    let bytes = idx(type: 0x08, dimensions: [2, 3], payload: [0, 1, 2, 253, 254, 255])
    let array = try IDXArray(bytes: bytes, file: "x.idx")
    #expect(array.dimensions == [2, 3])
    #expect(array.values == [0, 1, 2, 253, 254, 255])
    #expect(array.isUnsignedBytes)

    let floats = [Float(1.5), -2.25, 1e-3]
    let payload = floats.flatMap { withUnsafeBytes(of: $0.bitPattern.bigEndian, Array.init) }
    let floatArray = try IDXArray(
      bytes: idx(type: 0x0D, dimensions: [3], payload: payload), file: "")
    #expect(floatArray.values == floats && !floatArray.isUnsignedBytes)

    let shorts = try IDXArray(
      bytes: idx(type: 0x0B, dimensions: [2], payload: [0xFF, 0xFE, 1, 0]), file: "")
    #expect(shorts.values == [-2, 256])
    let signed = try IDXArray(bytes: idx(type: 0x09, dimensions: [1], payload: [0x80]), file: "")
    #expect(signed.values == [-128])
  }

  @Test func loadsImagesAndLabelsAsADataset() throws {
    try withTemporaryFolder("idx-tests") { folder in
      let images = try write(
        "images.idx3-ubyte",
        idx(type: 0x08, dimensions: [3, 2, 2], payload: Array(0..<12).map { UInt8($0 * 20) }),
        in: folder)
      let labels = try write(
        "labels.idx1-ubyte", idx(type: 0x08, dimensions: [3], payload: [2, 0, 1]), in: folder)
      let data = try Dataset.idx(images: images, labels: labels, name: "tiny")
      #expect(data.count == 3 && data.featureCount == 4)
      #expect(data.features == Array(0..<12).map { Float($0 * 20) / 255 })
      #expect(data.targets == [2, 0, 1])
      #expect(data.task == .multiclass(classes: 3) && data.classNames == ["0", "1", "2"])
      #expect(data.featureNames == ["pixel_0_0", "pixel_0_1", "pixel_1_0", "pixel_1_1"])
    }
  }

  @Test func rejectsMalformedHeaders() {
    expectMalformed(
      [0, 0, 8], "x.idx: the file is 3 bytes long, too short for the 4-byte IDX header")
    expectMalformed(
      [0x50, 0x4B, 3, 4, 0, 0],
      """
      x.idx: bytes 0 and 1 are not zero, so this is not an IDX file
        hint: IDX files (MNIST's format) start with two zero bytes
      """)
    expectMalformed(
      [0x1F, 0x8B, 8, 0],
      """
      x.idx: this is a gzip-compressed file, not an IDX file
        hint: decompress it first, e.g. gunzip train-images-idx3-ubyte.gz
      """)
    expectMalformed(
      idx(type: 0x0A, dimensions: [1], payload: [0]),
      """
      x.idx: byte 2 gives an unknown data type 0xA
        hint: the types are 0x08, 0x09, 0x0B, 0x0C, 0x0D and 0x0E
      """)
    expectMalformed([0, 0, 8, 0], "x.idx: byte 3 says the array has 0 dimensions")
    expectMalformed(
      [0, 0, 8, 3, 0, 0, 0, 1],
      "x.idx: the header needs 16 bytes for 3 dimensions, but the file has 8")
    expectMalformed(
      idx(type: 0x08, dimensions: [2, 0], payload: []),
      "x.idx: dimension 1 has size 0, so the array is empty")
  }

  @Test func rejectsWrongSizes() {
    expectMalformed(
      idx(type: 0x08, dimensions: [2, 3], payload: [1, 2, 3, 4, 5]),
      "x.idx: 2×3 values of 1 byte need a file of 18 bytes, but it has 17 (is it cut short?)")
    expectMalformed(
      idx(type: 0x0D, dimensions: [2], payload: [0, 0, 0, 0, 0, 0, 0, 0, 9]),
      "x.idx: 2 values of 4 bytes need a file of 16 bytes, but it has 17 (extra bytes at the end)")
    expectMalformed(
      idx(type: 0x08, dimensions: [60000, 28, 28], payload: [0]),
      "x.idx: the dimensions [60000] need more values than the file holds")
    let nan = withUnsafeBytes(of: Float.nan.bitPattern.bigEndian, Array.init)
    expectMalformed(
      idx(type: 0x0D, dimensions: [1], payload: nan), "x.idx: value 0 is nan, not a finite number")
  }

  @Test func rejectsImagesAndLabelsThatDoNotBelongTogether() throws {
    try withTemporaryFolder("idx-tests") { folder in
      let images = try write(
        "images", idx(type: 0x08, dimensions: [2, 2, 2], payload: Array(repeating: 1, count: 8)),
        in: folder)
      let labels = try write(
        "labels", idx(type: 0x08, dimensions: [3], payload: [0, 1, 1]), in: folder)
      let badLabels = try write(
        "bad", idx(type: 0x0C, dimensions: [2], payload: [255, 255, 255, 255, 0, 0, 0, 1]),
        in: folder)
      let cases: [(String, String, DataError.Kind, String)] = [
        (
          images, labels, .mismatchedFiles,
          "\(labels): the images file holds 2 images but the labels file 3 labels"
        ),
        (
          labels, images, .mismatchedFiles,
          "\(images): a labels file has 1 dimension, this one has 3\n"
            + "  hint: were the images and labels files swapped?"
        ),
        (
          images, badLabels, .malformedIDX,
          "\(badLabels): label 0 is -1.0, not a class number from 0 to 999"
        ),
      ]
      for (imagesPath, labelsPath, kind, description) in cases {
        #expect {
          try Dataset.idx(images: imagesPath, labels: labelsPath, name: "pair")
        } throws: { error in
          (error as? DataError)?.kind == kind && (error as? DataError)?.description == description
        }
      }
    }
  }
}
