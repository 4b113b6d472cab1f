import Charts
import Testing

@Suite struct AxisTicksTests {
  @Test func roundStepsAreOneTwoOrFiveTimesAPowerOfTen() {
    #expect(AxisTicks.niceStep(0.23) == (2, -1))
    #expect(AxisTicks.niceStep(0.14) == (1, -1))
    #expect(AxisTicks.niceStep(37) == (5, 1))
    #expect(AxisTicks.niceStep(8) == (1, 1))
    #expect(AxisTicks.niceStep(1e-5) == (1, -5))
  }

  @Test func linearTicksExtendToRoundValuesAroundTheData() {
    let ticks = AxisTicks(lower: 0.0213, upper: 0.693, scale: .linear, count: 5)
    #expect(ticks.values == [0, 0.2, 0.4, 0.6, 0.8])
    #expect(ticks.labels == ["0.0", "0.2", "0.4", "0.6", "0.8"])
    #expect(ticks.lower == 0 && ticks.upper == 0.8)
  }

  @Test func epochTicksAreWholeNumbers() {
    let ticks = AxisTicks(lower: 1, upper: 200, scale: .linear, count: 5)
    #expect(ticks.values == [0, 50, 100, 150, 200])
    #expect(ticks.labels == ["0", "50", "100", "150", "200"])
  }

  @Test func tickValuesDoNotDrift() {
    let ticks = AxisTicks(lower: 0, upper: 0.9, scale: .linear, count: 10)
    #expect(ticks.values.contains(0.3))
    #expect(ticks.values.contains(0.7))
    #expect(!ticks.labels.contains { $0.count > 3 })
  }

  @Test func keptRangesMarkOnlyTicksInside() {
    let ticks = AxisTicks(lower: -1.37, upper: 2.21, scale: .linear, count: 5, extending: false)
    #expect(ticks.values == [-1, 0, 1, 2])
    #expect(ticks.lower == -1.37 && ticks.upper == 2.21)
  }

  @Test func aSingleValueIsWidenedAroundIt() {
    let ticks = AxisTicks(lower: 0.5, upper: 0.5, scale: .linear, count: 5)
    #expect(ticks.lower < 0.5 && ticks.upper > 0.5)
    let zero = AxisTicks(lower: 0, upper: 0, scale: .linear, count: 3)
    #expect(zero.lower == -1 && zero.upper == 1)
  }

  @Test func negativeRangesGetSignedLabels() {
    let ticks = AxisTicks(lower: -25, upper: -3, scale: .linear, count: 4)
    #expect(ticks.labels == ["-30", "-20", "-10", "0"])
  }

  @Test func hugeAndTinyValuesUseScientificNotation() {
    #expect(
      AxisTicks(lower: 0, upper: 3e7, scale: .linear, count: 4).labels
        == ["0", "1e7", "2e7", "3e7"])
    #expect(
      AxisTicks(lower: 1e-5, upper: 4e-5, scale: .linear, count: 4).labels
        == ["1e-5", "2e-5", "3e-5", "4e-5"])
  }

  @Test func logTicksArePowersOfTenOverManyDecades() {
    let ticks = AxisTicks(lower: 1e-6, upper: 0.3, scale: .log, count: 8)
    #expect(ticks.values == [1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1])
    #expect(ticks.labels == ["1e-6", "1e-5", "1e-4", "0.001", "0.01", "0.1"])
    #expect(ticks.lower == 1e-6 && ticks.upper == 0.5)
  }

  @Test func logTicksSkipDecadesWhenThereAreTooMany() {
    #expect(
      AxisTicks(lower: 1e-6, upper: 0.3, scale: .log, count: 5).values
        == [1e-6, 1e-4, 1e-2])
    let ticks = AxisTicks(lower: 1e-9, upper: 10, scale: .log, count: 4)
    #expect(ticks.values == [1e-9, 1e-5, 0.1])
    #expect(ticks.lower == 1e-9 && ticks.upper == 10)
  }

  @Test func logAxesGrowOnlyToTheOneTwoFiveValuesAroundTheData() {
    let ticks = AxisTicks(lower: 0.07, upper: 2.1, scale: .log, count: 5)
    #expect(ticks.lower == 0.05 && ticks.upper == 5)
    #expect(ticks.values == [0.05, 0.1, 0.2, 0.5, 1, 2, 5])
  }

  @Test func logTicksWithinADecadeUseOneTwoFive() {
    let ticks = AxisTicks(lower: 0.3, upper: 0.7, scale: .log, count: 5)
    #expect(ticks.values == [0.2, 0.5, 1])
    #expect(ticks.labels == ["0.2", "0.5", "1"])
  }

  @Test func positionsAlongALogAxisFollowTheExponent() {
    let ticks = AxisTicks(lower: 1e-4, upper: 1, scale: .log, count: 5)
    #expect(abs(ticks.fraction(of: 1e-2, scale: .log) - 0.5) < 1e-12)
    #expect(abs(ticks.fraction(of: 1e-3, scale: .log) - 0.25) < 1e-12)
  }
}
