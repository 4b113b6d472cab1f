/// How one number varies over repeated runs: its mean, sample standard deviation, smallest and
/// largest value, over the finite values (a run that diverged gives NaN or infinity, counted
/// apart in `notFinite`).
///
/// The standard deviation is the sample one (divided by n − 1, as NumPy's `std(ddof=1)`), zero
/// for a single value. Sums run in the order the values are given, so the same runs give the
/// same bits.
public struct Spread: Sendable, Equatable {
  /// The finite values, in the order given.
  public let values: [Double]
  /// How many of the values given were NaN or infinite.
  public let notFinite: Int
  /// The mean of `values`.
  public let mean: Double
  /// The sample standard deviation of `values` (n − 1 in the denominator).
  public let standardDeviation: Double
  /// The smallest and largest of `values`.
  public let minimum, maximum: Double

  /// The spread of the finite numbers among `given`; nil when none is finite.
  public init?(_ given: [Double]) {
    let finite = given.filter(\.isFinite)
    guard let first = finite.first else { return nil }
    values = finite
    notFinite = given.count - finite.count
    let count = Double(finite.count)
    let average = finite.reduce(0, +) / count
    mean = average
    let squares = finite.reduce(0) { $0 + ($1 - average) * ($1 - average) }
    standardDeviation = finite.count > 1 ? (squares / (count - 1)).squareRoot() : 0
    minimum = finite.reduce(first) { Swift.min($0, $1) }
    maximum = finite.reduce(first) { Swift.max($0, $1) }
  }

  /// The number of finite values.
  public var count: Int { values.count }
  /// The sample variance, the standard deviation squared.
  public var variance: Double { standardDeviation * standardDeviation }
}
