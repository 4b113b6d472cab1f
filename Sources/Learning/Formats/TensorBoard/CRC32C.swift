/// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), the checksum of TFRecord framing.
///
/// Check value: `CRC32C.checksum("123456789".utf8) == 0xE3069283`.
package enum CRC32C {
  /// The byte-at-a-time lookup table.
  private static let table: [UInt32] = (0..<256).map { byte in
    var crc = UInt32(byte)
    for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
    return crc
  }

  /// The CRC-32C of `bytes`.
  package static func checksum<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
    return ~crc
  }

  /// TFRecord's masked CRC: `rotateRight(crc, 15) + 0xA282EAD8` (wrapping), which keeps a CRC
  /// of data that itself holds CRCs from being trivially predictable.
  package static func masked<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt32 {
    let crc = checksum(bytes)
    return ((crc >> 15) | (crc << 17)) &+ 0xA282_EAD8
  }
}
