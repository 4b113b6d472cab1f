/// The engine's own exponential, logarithm and the functions built from them, eight lanes at a
/// time, instead of the C library's scalar `expf`, `logf`, `tanhf`, `powf`, `erff`, whose last
/// bits differ between C library versions and platforms.
///
/// Each function converts its lanes to Double, evaluates fixed polynomials (Taylor series of
/// enough terms to be exact to about 10⁻¹⁴ relative) with a fixed sequence of operations, and
/// rounds the result to Float once: so the results are within one unit in the last place of
/// the exact values (almost always correctly rounded) and, depending only on IEEE arithmetic,
/// the same on every machine. Special values (NaN, ±∞, ±0) follow the C library's conventions.

/// Eight doubles: the precision in which the functions below are evaluated.
typealias WideVector = SIMD8<Double>

/// The lanes of `x` widened to Double.
@inline(__always) func widened(_ x: Vector) -> WideVector { WideVector(x) }

/// The lanes of `x` rounded to Float.
@inline(__always) func narrowed(_ x: WideVector) -> Vector { Vector(x) }

/// |x| lane by lane (the sign bits cleared).
@inline(__always) func magnitude(_ x: WideVector) -> WideVector {
  unsafeBitCast(
    unsafeBitCast(x, to: SIMD8<UInt64>.self) & 0x7FFF_FFFF_FFFF_FFFF, to: WideVector.self)
}

/// |x| lane by lane (the sign bits cleared).
@inline(__always) func magnitude(_ x: Vector) -> Vector {
  unsafeBitCast(unsafeBitCast(x, to: SIMD8<UInt32>.self) & 0x7FFF_FFFF, to: Vector.self)
}

/// `x` limited to [low, high] lane by lane (NaN lanes stay NaN: callers set them). Two compares
/// and blends, where the standard library's `clamped` is a call per bound.
@inline(__always) func limited(_ x: WideVector, _ low: Double, _ high: Double) -> WideVector {
  x.replacing(with: low, where: x .< low).replacing(with: high, where: x .> high)
}

/// `x` limited to [low, high] lane by lane (see the Double version).
@inline(__always) func limited(_ x: Vector, _ low: Float, _ high: Float) -> Vector {
  x.replacing(with: low, where: x .< low).replacing(with: high, where: x .> high)
}

/// `x` with NaN in every lane where `source` is NaN.
@inline(__always) private func keepingNaN(_ x: Vector, of source: Vector) -> Vector {
  x.replacing(with: .nan, where: source .!= source)
}

/// 1/k! for k = 0...13, the coefficients of eʳ's Taylor series.
private let inverseFactorials: [Double] = (0...13).map { k in
  1 / (1...max(k, 1)).reduce(1.0) { $0 * Double($1) }
}

/// eˣ for |x| ≤ 750 (outside, the lanes clamp there): x = n·ln 2 + r with |r| ≤ ln 2 / 2, eʳ by
/// its Taylor series to r¹³, then scaled by 2ⁿ through the exponent bits.
@inline(__always) func wideExponential(_ x: WideVector) -> WideVector {
  let clamped = limited(x, -750, 750)
  // Adding 1.5 · 2⁵² rounds to an integer n and leaves n in the low bits of the sum.
  let shifter = WideVector(repeating: 6_755_399_441_055_744)
  let shifted = clamped * 1.442_695_040_888_963_4 + shifter
  let n = shifted - shifter
  // ln 2 in two parts: the first has zero low bits, so n times it is exact.
  let r = (clamped - n * 0.693_147_180_369_123_8) - n * 1.904_654_299_957_768e-10
  var sum = WideVector(repeating: inverseFactorials[13])
  for k in stride(from: 12, through: 0, by: -1) {
    sum = WideVector(repeating: inverseFactorials[k]).addingProduct(sum, r)
  }
  // 2^(n/2) twice, so that n down to −1075 and up to 1083 stays within normal doubles.
  let bits = unsafeBitCast(shifted, to: SIMD8<Int64>.self) &- 0x4338_0000_0000_0000
  let half = bits &>> 1
  let first = unsafeBitCast((half &+ 1023) &<< 52, to: WideVector.self)
  let second = unsafeBitCast((bits &- half &+ 1023) &<< 52, to: WideVector.self)
  return sum * first * second
}

/// ln x for positive, finite, normal doubles: x = 2ᵉ · m with m in [√½, √2), and
/// ln m = 2 atanh(s) = 2(s + s³/3 + s⁵/5 + …) with s = (m − 1)/(m + 1), |s| ≤ 0.172, to s²³.
@inline(__always) func wideLogarithm(_ x: WideVector) -> WideVector {
  let bits = unsafeBitCast(x, to: SIMD8<Int64>.self)
  var exponent = (bits &>> 52) &- 1023
  var m = unsafeBitCast(
    (bits & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000, to: WideVector.self)
  let large = m .> 1.414_213_562_373_095_1
  m = m.replacing(with: m * 0.5, where: large)
  exponent = exponent.replacing(with: exponent &+ 1, where: large)
  let s = (m - 1) / (m + 1)
  let z = s * s
  var series = WideVector(repeating: 1.0 / 23)
  for k in stride(from: 21, through: 1, by: -2) {
    series = series * z + WideVector(repeating: 1 / Double(k))
  }
  let e = WideVector(exponent)
  return e * 0.693_147_180_559_945_3 + 2 * s * series
}

/// eˣ, lane by lane (+∞ above about 88.7, 0 below about −103.9).
func exponential(_ x: Vector) -> Vector {
  keepingNaN(narrowed(wideExponential(widened(x))), of: x)
}

/// ln x, lane by lane (−∞ at ±0, NaN below 0, +∞ at +∞).
func logarithm(_ x: Vector) -> Vector {
  // Float's subnormals are normal doubles, so every positive finite lane is in range.
  let finite = (x .> 0) .& (x .< .infinity)
  let safe = x.replacing(with: 1, where: .!finite)
  return narrowed(wideLogarithm(widened(safe)))
    .replacing(with: -.infinity, where: x .== 0)
    .replacing(with: .nan, where: x .< 0)
    .replacing(with: .infinity, where: x .== .infinity)
    .replacing(with: .nan, where: x .!= x)
}

/// eˣ − 1 in double precision, accurate also near 0: the Taylor series to x¹⁴ for |x| < ½.
@inline(__always) func wideExponentialMinusOne(_ x: WideVector) -> WideVector {
  var series = WideVector(repeating: 1.0 / 87_178_291_200)  // 1/14!
  for k in stride(from: 13, through: 1, by: -1) {
    series = series * x + WideVector(repeating: inverseFactorials[k])
  }
  let small = magnitude(x) .< 0.5
  return (wideExponential(x) - 1).replacing(with: series * x, where: small)
}

/// eˣ − 1, lane by lane, accurate near 0.
func exponentialMinusOne(_ x: Vector) -> Vector {
  keepingNaN(narrowed(wideExponentialMinusOne(widened(x))), of: x)
}

/// ln(1 + x) in double precision for x > −1, accurate also near 0: with u = 1 + x rounded,
/// ln u · x / (u − 1) corrects the rounding of u (Goldberg 1991); x itself where u = 1.
@inline(__always) func wideLogarithmOnePlus(_ x: WideVector) -> WideVector {
  let u = 1 + x
  let exact = u .== 1
  let safeU = u.replacing(with: 2, where: exact)
  return (wideLogarithm(safeU) * x / (safeU - 1)).replacing(with: x, where: exact)
}

/// tanh x = t / (t + 2) with t = e^(2x) − 1, lane by lane (±1 beyond |x| = 10, where tanh
/// rounds to ±1 in Float).
func hyperbolicTangent(_ x: Vector) -> Vector {
  let t = wideExponentialMinusOne(2 * widened(limited(x, -10, 10)))
  return keepingNaN(narrowed(t / (t + 2)), of: x)
}

/// σ(x) = 1 / (1 + e^(−x)), lane by lane, without overflow.
func logisticSigmoid(_ x: Vector) -> Vector {
  let wide = widened(limited(x, -120, 120))
  return keepingNaN(narrowed(1 / (1 + wideExponential(-wide))), of: x)
}

/// max(x, 0) + ln(1 + e^(−|x|)) = ln(1 + eˣ), lane by lane, without overflow.
func softplusValue(_ x: Vector) -> Vector {
  let wide = widened(x)
  let positive = wide.replacing(with: 0, where: wide .< 0)
  let tail = wideLogarithmOnePlus(wideExponential(-magnitude(wide)))
  return keepingNaN(narrowed(positive + tail), of: x)
}

/// The coefficients (−1)ⁿ / (n! (2n + 1)) of erf's Taylor series 2/√π Σ cₙ t²ⁿ⁺¹, n = 0...32.
private let errorFunctionSeries: [Double] = (0...32).map { n in
  let factorial = (0..<n).reduce(1.0) { $0 * Double($1 + 1) }
  return (n % 2 == 0 ? 1 : -1) / (factorial * Double(2 * n + 1))
}

/// erfc t = 1 − erf t in double precision: erf's Taylor series (33 terms) for |t| < 2; for
/// t ≥ 2 the continued fraction e^(−t²)/√π · 1/(t + ½/(t + 1/(t + (3/2)/(t + …)))) to 40 terms,
/// and erfc t = 2 − erfc(−t) for t ≤ −2. |t| is limited to 12 (erfc 12 ≈ 10⁻⁶⁴).
@inline(__always) func wideComplementaryErrorFunction(_ t: WideVector) -> WideVector {
  let t = limited(t, -12, 12)
  let z = t * t
  var series = WideVector(repeating: errorFunctionSeries[32])
  for n in stride(from: 31, through: 0, by: -1) {
    series = series * z + WideVector(repeating: errorFunctionSeries[n])
  }
  let inner = 1 - 1.128_379_167_095_512_6 * series * t  // 2/√π
  let a = magnitude(t).replacing(with: 2, where: magnitude(t) .< 2)
  var fraction = a
  for k in stride(from: 40, through: 1, by: -1) { fraction = a + Double(k) / 2 / fraction }
  let tail = wideExponential(-(a * a)) * 0.564_189_583_547_756_3 / fraction  // 1/√π
  let outer = tail.replacing(with: 2 - tail, where: t .< 0)
  return outer.replacing(with: inner, where: magnitude(t) .< 2)
}

/// Φ(x) = erfc(−x/√2) / 2, the standard normal distribution function, lane by lane.
@inline(__always) func wideNormalDistribution(_ x: WideVector) -> WideVector {
  0.5 * wideComplementaryErrorFunction(-x * 0.707_106_781_186_547_6)
}

/// x · Φ(x), lane by lane.
func geluValue(_ x: Vector) -> Vector {
  let wide = widened(x)
  return keepingNaN(narrowed(wide * wideNormalDistribution(wide)), of: x)
}

/// The derivative of x · Φ(x): Φ(x) + x · φ(x) with φ(x) = e^(−x²/2) / √(2π), lane by lane.
func geluSlope(_ x: Vector) -> Vector {
  let wide = widened(limited(x, -40, 40))
  let density = wideExponential(-0.5 * wide * wide) * 0.398_942_280_401_432_7
  return keepingNaN(narrowed(wideNormalDistribution(wide) + wide * density), of: x)
}

/// aᵇ, lane by lane, as e^(b · ln |a|) in double precision, with the C library's special cases:
/// a⁰ = 1 and 1ᵇ = 1 even for NaN, (−1)^±∞ = 1, a negative a only to a whole power (NaN
/// otherwise; negative for an odd one), ±0 to a negative power ±∞.
func power(_ a: Vector, _ b: Vector) -> Vector {
  let size = widened(magnitude(a))
  let safe = size.replacing(with: 1, where: (size .== 0) .| (size .== .infinity))
  let logarithm = wideLogarithm(safe)
    .replacing(with: -.infinity, where: size .== 0)
    .replacing(with: .infinity, where: size .== .infinity)
  let product = widened(b) * logarithm
  var result = narrowed(wideExponential(limited(product, -800, 800)))
  result = result.replacing(with: .nan, where: a .!= a)
  result = result.replacing(with: .nan, where: b .!= b)
  let whole = b .== b.rounded(.towardZero)
  let half = b * 0.5
  let odd = whole .& (half .!= half.rounded(.towardZero))
  let signs = unsafeBitCast(a, to: SIMD8<UInt32>.self) & 0x8000_0000
  let negative = signs .!= 0
  // A negative base to an odd power takes the base's sign (also for −0: a sign flip, not 0 − x).
  let signed = unsafeBitCast(unsafeBitCast(result, to: SIMD8<UInt32>.self) ^ signs, to: Vector.self)
  result = result.replacing(with: signed, where: odd)
  result = result.replacing(with: .nan, where: negative .& .!whole .& (a .!= 0))
  let unitBase = (a .== 1) .| ((a .== -1) .& (magnitude(b) .== .infinity))
  return result.replacing(with: 1, where: (b .== 0) .| unitBase)
}

/// Applies a lane-wise function to one value (for the scalar loops of reductions and losses).
@inline(__always) func applied(_ function: (Vector) -> Vector, to x: Float) -> Float {
  function(Vector(repeating: x))[0]
}

/// ln x for a positive, finite, normal double, by `wideLogarithm`.
func logarithm(_ x: Double) -> Double {
  wideLogarithm(WideVector(repeating: x))[0]
}

/// cos(2π u) for u in [0, 1]: u = q/4 + r with |r| ≤ 1/8 exactly, then cos or sin of θ = 2πr
/// (|θ| ≤ π/4) by their Taylor series to θ¹⁹, chosen and signed by the quarter turn q.
func cosine(turns u: Double) -> Double {
  let quarter = (u * 4).rounded()
  let theta = (u - quarter / 4) * (2 * Double.pi)
  let z = theta * theta
  var cosine = 1.0
  var sine = 1.0
  for k in stride(from: 9, through: 1, by: -1) {
    cosine = 1 - z / Double((2 * k - 1) * (2 * k)) * cosine
    sine = 1 - z / Double((2 * k) * (2 * k + 1)) * sine
  }
  sine *= theta
  switch Int(quarter) & 3 {
  case 0: return cosine
  case 1: return -sine
  case 2: return -cosine
  default: return sine
  }
}
