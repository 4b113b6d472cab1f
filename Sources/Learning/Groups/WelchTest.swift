import Foundation

/// Welch's t-test of whether two groups of numbers have different means, without assuming equal
/// variances (B. L. Welch, 1947; `scipy.stats.ttest_ind(a, b, equal_var=False)`):
///
///     t = (mean_a − mean_b) / √(s_a²/n_a + s_b²/n_b)
///     ν = (s_a²/n_a + s_b²/n_b)² / ((s_a²/n_a)²/(n_a − 1) + (s_b²/n_b)²/(n_b − 1))
///     p = I_{ν/(ν+t²)}(ν/2, 1/2)   (two-sided; I is the regularised incomplete beta function)
///
/// When both groups have no spread at all, the means either agree (t = 0, p = 1) or differ with
/// certainty (t = ±∞, p = 0).
public struct WelchTest: Sendable, Equatable {
  /// The t statistic: positive when group a's mean is the larger.
  public let t: Double
  /// The Welch–Satterthwaite degrees of freedom (nil when both groups have no spread).
  public let degreesOfFreedom: Double?
  /// The two-sided p-value: how often seed noise alone would give a difference this large.
  public let p: Double

  /// The test of `a` against `b`; nil unless each has at least two values.
  public init?(_ a: Spread, _ b: Spread) {
    guard a.count >= 2, b.count >= 2 else { return nil }
    let (na, nb) = (Double(a.count), Double(b.count))
    let (va, vb) = (a.variance / na, b.variance / nb)
    let difference = a.mean - b.mean
    guard va + vb > 0 else {
      t = difference == 0 ? 0 : (difference > 0 ? .infinity : -.infinity)
      degreesOfFreedom = nil
      p = difference == 0 ? 1 : 0
      return
    }
    let freedom = (va + vb) * (va + vb) / (va * va / (na - 1) + vb * vb / (nb - 1))
    t = difference / (va + vb).squareRoot()
    degreesOfFreedom = freedom
    p = Self.regularizedIncompleteBeta(x: freedom / (freedom + t * t), a: freedom / 2, b: 0.5)
  }

  /// I_x(a, b), by the continued fraction of Numerical Recipes (§6.4), using the symmetry
  /// I_x(a, b) = 1 − I_{1−x}(b, a) where the fraction converges slowly.
  static func regularizedIncompleteBeta(x: Double, a: Double, b: Double) -> Double {
    if x <= 0 { return 0 }
    if x >= 1 { return 1 }
    let logBeta: Double = lgamma(a + b) - lgamma(a) - lgamma(b)
    let logPowers: Double = a * log(x) + b * log(1 - x)
    let logFront = logBeta + logPowers
    if x < (a + 1) / (a + b + 2) {
      return exp(logFront) * continuedFraction(x: x, a: a, b: b) / a
    }
    return 1 - exp(logFront) * continuedFraction(x: 1 - x, a: b, b: a) / b
  }

  /// The continued fraction of the incomplete beta function (modified Lentz's method).
  private static func continuedFraction(x: Double, a: Double, b: Double) -> Double {
    let tiny = 1e-300
    var c = 1.0
    var d = 1 - (a + b) * x / (a + 1)
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var result = d
    for m in 1...300 {
      let m = Double(m)
      let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
      d = 1 + even * d
      if abs(d) < tiny { d = tiny }
      c = 1 + even / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      result *= d * c
      let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
      d = 1 + odd * d
      if abs(d) < tiny { d = tiny }
      c = 1 + odd / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let step = d * c
      result *= step
      if abs(step - 1) < 1e-15 { break }
    }
    return result
  }
}
