import Engine

/// Throws an `.invalidArgument` error with `message` (and `hint`) unless `condition` holds.
func require(_ condition: Bool, _ message: @autoclosure () -> String, hint: String? = nil)
  throws(DataError)
{
  guard condition else { throw DataError(.invalidArgument, message(), hint: hint) }
}

/// Throws unless `value` lies in `range`: "spirals needs 2 to 100 arms, got 1".
func require(_ value: Int, in range: ClosedRange<Int>, _ subject: String, _ unit: String)
  throws(DataError)
{
  try require(
    range.contains(value),
    "\(subject) needs \(range.lowerBound) to \(range.upperBound) \(unit), got \(value)")
}

/// Stops a long loop when Ctrl-C was pressed in the cell running it (see `Interruption`); the
/// language reports any error thrown after Ctrl-C as the interruption it is.
func stopIfInterrupted() throws(DataError) {
  try require(!Interruption.isRequested(), "interrupted")
}

/// The valid values of the data's arguments, declared once: the functions of this module check
/// them, and the language's declared parameters read them, so the two cannot disagree.
extension Dataset {
  /// How many samples a generator makes: at least 1, and at most ten million, so a typo cannot
  /// exhaust memory.
  public static let generatedCounts = 1...10_000_000
  /// The standard deviations of noise a generator or an augmentation adds: 0 (none) or more.
  public static let noiseDeviations = 0.0...
  /// What a refused noise deviation suggests.
  public static let noiseHint = "noise 0 gives the clean shape; 0.1 to 0.3 makes it harder"
  /// How many arms `spirals` draws.
  public static let spiralArms = 2...100
  /// How many clusters `blobs` draws.
  public static let blobCenters = 2...1000
  /// The fewest folds k-fold splits data into.
  public static let fewestFolds = 2
}

/// Checks a generator's sample count and noise deviation.
func checkSize(_ count: Int, noise: Double) throws(DataError) {
  let counts = Dataset.generatedCounts
  try require(
    counts.contains(count),
    "the number of samples must be between \(counts.lowerBound) and \(counts.upperBound), got "
      + "\(count)")
  try require(
    noise.isFinite && Dataset.noiseDeviations.contains(noise),
    "the noise must be a deviation ≥ \(knob(Dataset.noiseDeviations.lowerBound)), got \(noise)",
    hint: Dataset.noiseHint)
}

/// A generator's knob as the learner would type it: `2` rather than `2.0`, `0.25` as is.
func knob(_ value: Double) -> String {
  value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
}

/// An interval knob as the learner would type it: `-1...1`.
func knob(_ interval: ClosedRange<Double>) -> String {
  knob(interval.lowerBound) + "..." + knob(interval.upperBound)
}
