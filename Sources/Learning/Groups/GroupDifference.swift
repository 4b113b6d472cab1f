/// Whether two groups of runs differ by more than the luck of their seeds, on one series'
/// last values: each side's spread, Welch's t-test between them, how often one side won seed
/// for seed, and the difference measured in seed spreads.
public struct GroupDifference: Sendable {
  /// The p-value below which a difference is called real: 0.05, the usual convention.
  public static let significance = 0.05

  /// The series compared (`val_loss`, `accuracy`…) and whether lower is better on it.
  public let metric: String
  public let lowerIsBetter: Bool
  /// Whether the first group given is the better one.
  public let firstIsBetter: Bool
  /// The better group (by mean) and the other, with their spreads.
  public let better, worse: RunGroup
  public let betterSpread, worseSpread: Spread
  /// Welch's test of the two sides; nil when a side has fewer than two finite values.
  public let test: WelchTest?
  /// When both groups ran the same seeds: on how many the better group's run beat (strictly)
  /// the other's run of the same seed, and of how many seeds.
  public let seedWins: (won: Int, of: Int)?

  /// The difference between `first` and `second` on `metric`; nil when either has no finite
  /// value of it.
  public init?(_ first: RunGroup, _ second: RunGroup, metric: String) {
    guard let a = first.finalSpread(metric), let b = second.finalSpread(metric) else {
      return nil
    }
    self.metric = metric
    lowerIsBetter = Learning.lowerIsBetter(metric)
    firstIsBetter = lowerIsBetter ? a.mean <= b.mean : a.mean >= b.mean
    (better, worse) = firstIsBetter ? (first, second) : (second, first)
    (betterSpread, worseSpread) = firstIsBetter ? (a, b) : (b, a)
    test = WelchTest(betterSpread, worseSpread)
    let (betterSeeds, worseSeeds) = (better.seeds, worse.seeds)
    if Set(betterSeeds) == Set(worseSeeds), Set(betterSeeds).count == betterSeeds.count,
      worseSeeds.count == betterSeeds.count
    {
      let theirs = Dictionary(uniqueKeysWithValues: zip(worseSeeds, worse.finals(metric)))
      let lower = lowerIsBetter
      let won = zip(betterSeeds, better.finals(metric)).filter { seed, value in
        guard let other = theirs[seed] else { return false }
        return lower ? value < other : value > other
      }.count
      seedWins = (won, betterSeeds.count)
    } else {
      seedWins = nil
    }
  }

  /// How much better the better group's mean is (positive).
  public var difference: Double { abs(betterSpread.mean - worseSpread.mean) }

  /// The seed spread: the root mean square of the two sides' standard deviations.
  public var seedSpread: Double {
    ((betterSpread.variance + worseSpread.variance) / 2).squareRoot()
  }

  /// The difference in seed spreads (infinite when neither side varies at all but the means
  /// differ; zero when they agree).
  public var differenceInSpreads: Double {
    seedSpread > 0 ? difference / seedSpread : (difference > 0 ? .infinity : 0)
  }

  /// The answer to "is it real?".
  public var verdict: Verdict {
    guard let test else { return .tooFewSeeds }
    return test.p < Self.significance ? .real : .noise
  }

  /// Whether a difference is larger than seed noise explains.
  public enum Verdict: String, Sendable {
    /// The difference is unlikely to be the seeds' luck (p < 0.05).
    case real
    /// Seed noise alone gives differences this large often (p ≥ 0.05).
    case noise
    /// A side has fewer than two finite values: no spread to measure.
    case tooFewSeeds = "too few seeds"
  }
}
