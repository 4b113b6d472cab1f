import Foundation

/// The kernel's logo, as Jupyter looks for it beside `kernel.json`: a falling loss curve on a
/// dark square, drawn as SVG and as PNG (32 and 64 pixels).
enum KernelLogo {
  /// The files of the logo: name and bytes.
  static var files: [(name: String, bytes: [UInt8])] {
    [
      ("logo-svg.svg", Array(svg.utf8)), ("logo-32x32.png", png(size: 32)),
      ("logo-64x64.png", png(size: 64)),
    ]
  }

  /// The curve, for `x` from 0 to 1, as a height from 0 (bottom) to 1 (top).
  private static func curve(_ x: Double) -> Double { 0.12 + 0.72 * exp(-4.5 * x) }

  private static var svg: String {
    let points = stride(from: 0.0, through: 1.0, by: 0.05).map { x in
      String(format: "%.1f,%.1f", 10 + 44 * x, 54 - 44 * curve(x))
    }
    return """
      <svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">
      <rect width="64" height="64" rx="10" fill="#1d3557"/>
      <polyline points="\(points.joined(separator: " "))" fill="none" stroke="#f4a261" \
      stroke-width="5" stroke-linecap="round" stroke-linejoin="round"/>
      </svg>

      """
  }

  /// The logo as a `size`×`size` RGBA PNG.
  static func png(size: Int) -> [UInt8] {
    let scale = Double(size) / 64
    var rows: [UInt8] = []
    for row in 0..<size {
      rows.append(0)  // no filter
      for column in 0..<size {
        let (x, y) = ((Double(column) + 0.5) / scale, (Double(row) + 0.5) / scale)
        let onCurve = (10...54).contains(x) && abs(54 - 44 * curve((x - 10) / 44) - y) < 3
        rows += onCurve ? [0xF4, 0xA2, 0x61, 0xFF] : [0x1D, 0x35, 0x57, 0xFF]
      }
    }
    let header =
      bigEndian(UInt32(size)) + bigEndian(UInt32(size)) + [8, 6, 0, 0, 0]  // 8-bit RGBA
    return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", header)
      + chunk("IDAT", zlibStored(rows)) + chunk("IEND", [])
  }

  private static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
    let typed = Array(type.utf8) + data
    return bigEndian(UInt32(data.count)) + typed + bigEndian(crc32(typed))
  }

  /// `data` in a zlib stream of uncompressed deflate blocks.
  private static func zlibStored(_ data: [UInt8]) -> [UInt8] {
    var stream: [UInt8] = [0x78, 0x01]
    var start = 0
    repeat {
      let end = min(start + 65535, data.count)
      let length = UInt16(end - start)
      stream += [end == data.count ? 1 : 0, UInt8(length & 0xFF), UInt8(length >> 8)]
      stream += [UInt8(~length & 0xFF), UInt8(~length >> 8)]
      stream += data[start..<end]
      start = end
    } while start < data.count
    var (a, b): (UInt32, UInt32) = (1, 0)
    for byte in data {
      a = (a + UInt32(byte)) % 65521
      b = (b + a) % 65521
    }
    return stream + bigEndian(b << 16 | a)
  }

  private static func crc32(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
      crc ^= UInt32(byte)
      for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    }
    return ~crc
  }

  private static func bigEndian(_ value: UInt32) -> [UInt8] {
    [
      UInt8(value >> 24), UInt8(truncatingIfNeeded: value >> 16),
      UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value),
    ]
  }
}
