import Foundation

/// The one source of random numbers in trainbook: xoshiro256** by Blackman and Vigna (2018),
/// seeded through SplitMix64.
///
/// Every random number in the project (data generators, shuffles, initialisation, dropout masks,
/// augmentation) comes from a `RandomGenerator`, so the same seed gives the same bits on the same
/// binary and machine. Its whole state is four words, which `state` exposes so a run can be saved
/// and resumed exactly. Reference: https://prng.di.unimi.it/xoshiro256starstar.c
public struct RandomGenerator: Sendable, Equatable {
  /// The generator's complete state; assigning a saved state resumes its sequence exactly.
  public var state: [UInt64] {
    get { [s0, s1, s2, s3] }
    set {
      guard newValue.count == 4, newValue.contains(where: { $0 != 0 }) else { return }
      (s0, s1, s2, s3) = (newValue[0], newValue[1], newValue[2], newValue[3])
    }
  }

  private var s0: UInt64
  private var s1: UInt64
  private var s2: UInt64
  private var s3: UInt64

  /// Creates a generator whose sequence is fixed by `seed`.
  public init(seed: UInt64) {
    var mixer = seed
    s0 = Self.splitMix64(&mixer)
    s1 = Self.splitMix64(&mixer)
    s2 = Self.splitMix64(&mixer)
    s3 = Self.splitMix64(&mixer)
  }

  /// Creates a generator that continues from a saved `state`, or returns nil if the state is not
  /// four words or is all zeros (xoshiro's one forbidden state).
  public init?(state: [UInt64]) {
    guard state.count == 4, state.contains(where: { $0 != 0 }) else { return nil }
    (s0, s1, s2, s3) = (state[0], state[1], state[2], state[3])
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    let result = rotateLeft(s1 &* 5, 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = rotateLeft(s3, 45)
    return result
  }

  /// A uniform `Double` in [0, 1), from the top 53 bits.
  public mutating func nextDouble() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// A uniform `Float` in [0, 1), from the top 24 bits.
  public mutating func nextFloat() -> Float {
    Float(next() >> 40) * 0x1.0p-24
  }

  /// A uniform `Double` in [low, high).
  public mutating func uniform(_ low: Double, _ high: Double) -> Double {
    low + (high - low) * nextDouble()
  }

  /// A sample of the normal distribution N(mean, deviation²), by the Box–Muller transform.
  ///
  /// Each call consumes exactly two draws and keeps no spare, so `state` alone resumes the sequence.
  public mutating func normal(mean: Double = 0, deviation: Double = 1) -> Double {
    let u1 = 1 - nextDouble()  // in (0, 1], so the logarithm is finite
    let u2 = nextDouble()
    let radius = (-2 * logarithm(u1)).squareRoot()
    return mean + deviation * radius * cosine(turns: u2)
  }

  /// A uniform integer in 0..<bound, without modulo bias (Lemire's multiply-and-reject method).
  public mutating func int(below bound: Int) -> Int {
    precondition(bound > 0, "int(below:) needs a positive bound")
    let range = UInt64(bound)
    var product = next().multipliedFullWidth(by: range)
    if product.low < range {
      let threshold = (0 &- range) % range
      while product.low < threshold { product = next().multipliedFullWidth(by: range) }
    }
    return Int(product.high)
  }

  /// Shuffles `elements` in place with the Fisher–Yates algorithm.
  public mutating func shuffle<T>(_ elements: inout [T]) {
    guard elements.count > 1 else { return }
    for i in stride(from: elements.count - 1, to: 0, by: -1) {
      elements.swapAt(i, int(below: i + 1))
    }
  }

  /// A random permutation of 0..<count.
  public mutating func permutation(_ count: Int) -> [Int] {
    var indices = Array(0..<count)
    shuffle(&indices)
    return indices
  }

  private static func splitMix64(_ x: inout UInt64) -> UInt64 {
    x &+= 0x9E37_79B9_7F4A_7C15
    var z = x
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

@inline(__always)
private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
  (x << k) | (x >> (64 - k))
}
