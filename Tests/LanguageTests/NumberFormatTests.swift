import Engine
import Language
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The printed precision rule that notebook replay relies on.
struct NumberFormatTests {
  @Test(
    arguments: [
      (0, "0"), (-0.0, "0"), (400, "400"), (-3, "-3"), (1e14, "100000000000000"),
      (3.14159265, "3.1416"), (12.5, "12.5"), (-2.00004, "-2"), (99999.99996, "100000"),
      (0.23124, "0.2312"), (0.0012345, "0.001235"), (0.0001, "0.0001"), (0.1 + 0.2, "0.3"),
      (0.99999, "1"), (0.000012345, "1.235e-5"), (-0.00009999, "-9.999e-5"), (2e20, "2e20"),
      (1.23456e15, "1.235e15"), (9.99999e-5, "1e-4"), (Double.nan, "nan"),
      (Double.infinity, "inf"), (-Double.infinity, "-inf"), (5e-324, "4.941e-324"),
      (1.5e-310, "1.5e-310"), (-Double.greatestFiniteMagnitude, "-1.798e308"),
    ] as [(Double, String)])
  func formats(_ number: Double, _ expected: String) {
    #expect(NumberFormat.format(number) == expected)
  }

  /// Any finite number prints as text that reads back within the rule's precision: 4 decimals
  /// from 1 up, 4 significant digits below (checked on random bit patterns, seeded).
  @Test func printedNumbersReadBackClose() throws {
    var random = RandomGenerator(seed: 11)
    for index in 0..<20_000 {
      // Half arbitrary bit patterns, half everyday magnitudes from 10⁻⁶ to 10⁶.
      let everyday = (random.nextDouble() * 2 - 1) * pow(10, Double(random.int(below: 13) - 6))
      let number = index.isMultiple(of: 2) ? Double(bitPattern: random.next()) : everyday
      guard number.isFinite else { continue }
      let text = NumberFormat.format(number)
      let back = try #require(Double(text), "\(number) printed as \(text)")
      let error = abs(back - number)
      #expect(
        error <= 5e-5 || error <= abs(number) * 5e-4,
        "\(number) printed as \(text)")
    }
  }
}
