#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How the language prints numbers: stable, short and readable, so that notebook replay can
/// compare numbers at their printed precision.
///
/// - Whole numbers below 10¹⁵ print without a decimal point: `400`, `-3`.
/// - Other numbers from 1 up to 10¹⁵ print with at most 4 decimals, trailing zeros dropped:
///   `3.1416`, `12.5`.
/// - Numbers from 0.0001 up to 1 print with 4 significant digits: `0.2312`, `0.001235`.
/// - Smaller and larger numbers print in scientific notation with 4 significant digits:
///   `1.235e-5`, `2e15`.
/// - `nan`, `inf` and `-inf` print as such; negative zero prints as `0`.
public enum NumberFormat {
  /// Formats `number` by the rules above.
  public static func format(_ number: Double) -> String {
    if number.isNaN { return "nan" }
    if number.isInfinite { return number < 0 ? "-inf" : "inf" }
    if number == 0 { return "0" }
    let magnitude = abs(number)
    if magnitude < 1e15, number == number.rounded() { return String(Int64(number)) }
    if magnitude >= 1e15 || magnitude < 1e-4 { return scientific(number) }
    let decimals = magnitude >= 1 ? 4 : 3 - Int(floor(log10(magnitude)))
    return plain(number, decimals: decimals)
  }

  /// `number` rounded to `decimals` places, printed in the shortest form that reads back as it.
  private static func plain(_ number: Double, decimals: Int) -> String {
    let scale = pow(10, Double(decimals))
    let rounded = (number * scale).rounded() / scale
    if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
    return rounded.description
  }

  private static func scientific(_ number: Double) -> String {
    var exponent = Int(floor(log10(abs(number))))
    // Subnormal numbers scale up first, since 10^exponent itself would underflow to 0.
    let scaled =
      exponent < -300
      ? number * 1e300 / pow(10, Double(exponent + 300))
      : number / pow(10, Double(exponent))
    var mantissa = (scaled * 1000).rounded() / 1000
    if abs(mantissa) >= 10 {
      mantissa /= 10
      exponent += 1
    }
    return plain(mantissa, decimals: 3) + "e" + String(exponent)
  }
}
