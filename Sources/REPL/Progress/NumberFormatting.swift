#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `value` with four significant digits (C's `%.4g`): `0.4123`, `12.35`, `1.235e+05`, `nan`.
package func fourDigits(_ value: Double) -> String { cFormat("%.4g", value) }

/// A duration in seconds as a learner reads it: `0.8s`, `12.3s`, `2m 05s`, `1h 03m`.
package func duration(_ seconds: Double) -> String {
  guard seconds.isFinite, seconds >= 0 else { return "?" }
  if seconds < 60 { return cFormat("%.1fs", seconds) }
  let whole = Int(seconds.rounded(.down))
  let twoDigits = { (number: Int) in number < 10 ? "0\(number)" : "\(number)" }
  if whole < 3600 { return "\(whole / 60)m \(twoDigits(whole % 60))s" }
  return "\(whole / 3600)h \(twoDigits(whole / 60 % 60))m"
}

/// `value` printed by C's `snprintf` with a format that takes one double.
private func cFormat(_ format: String, _ value: Double) -> String {
  withVaList([value]) { arguments in
    var buffer = [CChar](repeating: 0, count: 48)
    let length = buffer.withUnsafeMutableBufferPointer {
      vsnprintf($0.baseAddress, $0.count, format, arguments)
    }
    let bytes = buffer.prefix(max(0, min(Int(length), buffer.count - 1)))
    return String(decoding: bytes.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
