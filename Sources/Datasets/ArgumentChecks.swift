import Engine

/// Throws an `.invalidArgument` error with `message` (and `hint`) unless `condition` holds.
func require(_ condition: Bool, _ message: @autoclosure () -> String, hint: String? = nil)
  throws(DataError)
{
  guard condition else { throw DataError(.invalidArgument, message(), hint: hint) }
}

/// Stops a long loop when Ctrl-C was pressed in the cell running it (see `Interruption`); the
/// language reports any error thrown after Ctrl-C as the interruption it is.
func stopIfInterrupted() throws(DataError) {
  try require(!Interruption.isRequested(), "interrupted")
}

/// The largest number of samples a generator makes, so a typo cannot exhaust memory.
public let largestGeneratedCount = 10_000_000

/// Checks a generator's sample count and noise deviation.
func checkSize(_ count: Int, noise: Double) throws(DataError) {
  try require(
    count >= 1 && count <= largestGeneratedCount,
    "the number of samples must be between 1 and \(largestGeneratedCount), got \(count)")
  try require(
    noise.isFinite && noise >= 0, "the noise must be a deviation ≥ 0, got \(noise)",
    hint: "noise 0 gives the clean shape; 0.1 to 0.3 makes it harder")
}

/// A generator's knob as the learner would type it: `2` rather than `2.0`, `0.25` as is.
func knob(_ value: Double) -> String {
  value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
}

/// An interval knob as the learner would type it: `-1...1`.
func knob(_ interval: ClosedRange<Double>) -> String {
  knob(interval.lowerBound) + "..." + knob(interval.upperBound)
}
