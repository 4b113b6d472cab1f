import Language
import Testing

/// The printed precision rule that notebook replay relies on.
struct NumberFormatTests {
  @Test(
    arguments: [
      (0, "0"), (-0.0, "0"), (400, "400"), (-3, "-3"), (1e14, "100000000000000"),
      (3.14159265, "3.1416"), (12.5, "12.5"), (-2.00004, "-2"), (99999.99996, "100000"),
      (0.23124, "0.2312"), (0.0012345, "0.001235"), (0.0001, "0.0001"), (0.1 + 0.2, "0.3"),
      (0.99999, "1"), (0.000012345, "1.235e-5"), (-0.00009999, "-9.999e-5"), (2e20, "2e20"),
      (1.23456e15, "1.235e15"), (9.99999e-5, "1e-4"), (Double.nan, "nan"),
      (Double.infinity, "inf"), (-Double.infinity, "-inf"),
    ] as [(Double, String)])
  func formats(_ number: Double, _ expected: String) {
    #expect(NumberFormat.format(number) == expected)
  }
}
