import Foundation

/// Short, exact-looking text for numbers on axes, in tables and in notes.
package enum NumberText {
  /// `value` with exactly `decimals` digits after the point ("0.25", "200"), never "-0".
  package static func fixed(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return nonFinite(value) }
    let text = String(format: "%.\(max(0, decimals))f", value)
    let isZero = text.allSatisfy { $0 == "-" || $0 == "0" || $0 == "." }
    return isZero && text.hasPrefix("-") ? String(text.dropFirst()) : text
  }

  /// `value` in scientific notation with up to `significant` digits and no padding: "1e-5",
  /// "2.5e-4", "1e6".
  package static func scientific(_ value: Double, significant: Int = 3) -> String {
    guard value.isFinite else { return nonFinite(value) }
    guard value != 0 else { return "0" }
    let parts = String(format: "%.\(max(0, significant - 1))e", value).split(separator: "e")
    guard parts.count == 2, let exponent = Int(parts[1]) else { return "\(value)" }
    return trimmingZeros(String(parts[0])) + "e\(exponent)"
  }

  /// A compact label for `value`: fixed notation for ordinary magnitudes, scientific otherwise,
  /// with at most `significant` significant digits ("0.0213", "1.5e-5", "12345").
  package static func compact(_ value: Double, significant: Int = 3) -> String {
    guard value.isFinite else { return nonFinite(value) }
    let magnitude = abs(value)
    if magnitude == 0 { return "0" }
    if magnitude < 1e-3 || magnitude >= 1e6 { return scientific(value, significant: significant) }
    let digitsBeforePoint = Int(floor(log10(magnitude))) + 1
    let decimals = max(0, significant - digitsBeforePoint)
    return trimmingZeros(fixed(value, decimals: decimals))
  }

  /// Labels for tick values that are multiples of `step`, all with the decimals the step needs
  /// ("0.0", "0.5", "1.0"); scientific notation when the numbers are very large or very small.
  package static func tickLabels(_ values: [Double], step: Double) -> [String] {
    let largest = values.map(abs).max() ?? 0
    if largest >= 1e6 || (step < 1e-3 && largest < 1e-2) {
      return values.map { scientific($0) }
    }
    let decimals = step >= 1 ? 0 : Int(ceil(-log10(step) - 1e-9))
    return values.map { fixed($0, decimals: decimals) }
  }

  /// A label for a tick on a logarithmic axis: "0.01", "1", "1000", or "1e-5" / "1e6" beyond.
  package static func logTickLabel(_ value: Double) -> String {
    let magnitude = abs(value)
    if magnitude >= 1e-3 && magnitude < 1e5 { return compact(value, significant: 3) }
    return scientific(value, significant: 2)
  }

  /// `text` without trailing zeros after a decimal point, nor a bare point ("2.50" → "2.5").
  package static func trimmingZeros(_ text: String) -> String {
    guard text.contains(".") else { return text }
    var trimmed = Substring(text)
    while trimmed.last == "0" { trimmed.removeLast() }
    if trimmed.last == "." { trimmed.removeLast() }
    return String(trimmed)
  }

  private static func nonFinite(_ value: Double) -> String {
    value.isNaN ? "NaN" : (value > 0 ? "∞" : "-∞")
  }
}
