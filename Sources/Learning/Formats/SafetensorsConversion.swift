/// One tensor's stored values as 32-bit floats, converted from its dtype, and how many of them
/// lost precision on the way (64-bit floats that 32 bits cannot hold, integers beyond 2²⁴).
struct ConvertedValues {
  /// The values as trainbook holds them.
  var values: [Float]
  /// Whether the dtype is an integer type whose values all convert to whole floats: a count.
  var isCount: Bool
  /// How many values were rounded.
  var roundedCount: Int
  /// The dtype the values were stored as.
  var dtype: String

  /// Converts `count` values of `dtype` (one of `SafetensorsFile.readableDtypes`) stored
  /// little-endian from `offset` in `raw`.
  init(_ dtype: String, raw: UnsafeRawBufferPointer, offset: Int, count: Int) {
    func word<Word: FixedWidthInteger>(_ index: Int, as type: Word.Type) -> Word {
      Word(
        littleEndian: raw.loadUnaligned(
          fromByteOffset: offset + index * Word.bitWidth / 8, as: Word.self))
    }
    var rounded = 0
    var allWhole = true
    func fromInteger(_ value: Int64) -> Float {
      let converted = Float(value)
      if Int64(exactly: converted) != value { rounded += 1 }
      if Int64(exactly: converted) == nil { allWhole = false }
      return converted
    }
    switch dtype {
    case "F64":
      values = (0..<count).map { index in
        let value = Double(bitPattern: word(index, as: UInt64.self))
        let converted = Float(value)
        if Double(converted) != value, !value.isNaN { rounded += 1 }
        return converted
      }
    case "F16":
      values = (0..<count).map { Float(Float16(bitPattern: word($0, as: UInt16.self))) }
    case "BF16":
      values = (0..<count).map { Float(bitPattern: UInt32(word($0, as: UInt16.self)) << 16) }
    case "I64":
      values = (0..<count).map { fromInteger(word($0, as: Int64.self)) }
    case "I32":
      values = (0..<count).map { fromInteger(Int64(word($0, as: Int32.self))) }
    default:
      values = (0..<count).map { Float(bitPattern: word($0, as: UInt32.self)) }
    }
    self.dtype = dtype
    isCount = dtype.hasPrefix("I") && allWhole
    roundedCount = rounded
  }

  /// "tensor 'x' is stored as F64: 2 of its 3 values were rounded to 32-bit floats".
  func note(for name: String) -> String {
    let how =
      dtype.hasPrefix("I")
      ? "beyond 2²⁴, rounded to the nearest 32-bit float" : "rounded to 32-bit floats"
    let verb = roundedCount == 1 ? "was" : "were"
    return
      "tensor '\(name)' is stored as \(dtype): \(roundedCount) of its \(values.count) values "
      + "\(verb) " + how
  }
}
