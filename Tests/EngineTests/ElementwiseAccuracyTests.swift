import Engine
import Foundation
import Testing

/// The engine's own exponential, logarithm and the functions built on them, against the C
/// library's double-precision functions as the float64 reference: each result must lie within
/// one unit in the last place (of Float) of the exact value, across each function's whole range,
/// and special values must follow the C library's conventions.
@Suite struct ElementwiseAccuracyTests {
  /// `count` values spread over [low, high]: evenly, and also crowded near zero, where relative
  /// accuracy is hardest.
  static func sweep(_ low: Double, _ high: Double, count: Int = 20_000) -> [Float] {
    var generator = RandomGenerator(seed: 3)
    let even = (0..<count).map { low + (high - low) * Double($0) / Double(count - 1) }
    let near = (0..<count).map { _ in
      Double(generator.nextFloat() - 0.5) * pow(10, -Double(generator.int(below: 12)))
    }
    return (even + near.filter { $0 >= low && $0 <= high }).map { Float($0) }
  }

  /// Checks that `function` applied by the engine is within one ulp of `reference` everywhere.
  func check(
    _ name: String, _ inputs: [Float], _ function: (Tensor) throws -> Tensor,
    _ reference: (Double) -> Double, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let results = try function(Tensor(shape: [inputs.count], values: inputs)).values
    var worst = (error: 0.0, input: Float(0))
    for (x, y) in zip(inputs, results) {
      let exact = reference(Double(x))
      let unit = Double(max(Float(exact).magnitude.ulp, Float.leastNonzeroMagnitude))
      let error = abs(Double(y) - exact) / unit
      if !(error <= worst.error) { worst = (error, x) }
    }
    #expect(
      worst.error <= 1, "\(name): \(worst.error) ulp at \(worst.input)",
      sourceLocation: sourceLocation)
  }

  @Test func exponentialAndLogarithm() throws {
    try check("exp", Self.sweep(-103, 88.7), { $0.exp() }, Foundation.exp)
    let positives = (0..<20_000).map { Float(pow(10, -45 + 83.5 * Double($0) / 19_999)) }
    try check("log", positives + Self.sweep(0, 4).filter { $0 > 0 }, { $0.log() }, Foundation.log)
  }

  @Test func activations() throws {
    let range = Self.sweep(-30, 30)
    try check("tanh", range, { $0.tanh() }, Foundation.tanh)
    try check("sigmoid", Self.sweep(-100, 100), { $0.sigmoid() }, { 1 / (1 + Foundation.exp(-$0)) })
    try check(
      "softplus", Self.sweep(-100, 100), { $0.softplus() },
      { max($0, 0) + Foundation.log1p(Foundation.exp(-abs($0))) })
    try check("elu", range, { $0.elu() }, { $0 > 0 ? $0 : Foundation.expm1($0) })
    try check(
      "gelu", Self.sweep(-13, 13), { $0.gelu() }, { $0 * 0.5 * erfc(-$0 / 2.0.squareRoot()) })
  }

  @Test func powers() throws {
    for exponent: Float in [-3, -1.5, -1, -0.5, 0.5, 1, 1.5, 2, 2.5, 3, 7] {
      let bases = Self.sweep(0, 40).filter { $0 > 0 }
      try check(
        "x^\(exponent)", bases, { $0.pow(exponent) }, { Foundation.pow($0, Double(exponent)) })
    }
    for exponent: Float in [2, 3, -1] {
      try check(
        "x^\(exponent) of negatives", Self.sweep(-20, -0.01), { $0.pow(exponent) },
        { Foundation.pow($0, Double(exponent)) })
    }
  }

  @Test func specialValuesFollowTheCLibrary() throws {
    let specials: [Float] = [.nan, .infinity, -.infinity, 0, -0.0, 1, -1, 1e-40, -1e-40]
    let cases: [(String, (Tensor) throws -> Tensor, (Float) -> Float)] = [
      ("exp", { $0.exp() }, { Foundation.exp($0) }),
      ("log", { $0.log() }, { Foundation.log($0) }),
      ("tanh", { $0.tanh() }, { Foundation.tanh($0) }),
      ("sigmoid", { $0.sigmoid() }, { $0.isNaN ? $0 : 1 / (1 + Foundation.exp(-$0)) }),
      ("elu", { $0.elu() }, { $0 > 0 ? $0 : Foundation.expm1($0) }),
    ]
    for (name, function, reference) in cases {
      let results = try function(Tensor(shape: [specials.count], values: specials)).values
      for (x, y) in zip(specials, results) {
        let expected = reference(x)
        #expect(
          y == expected || (y.isNaN && expected.isNaN), "\(name)(\(x)) = \(y), not \(expected)")
      }
    }
    let bases: [Float] = [-8, -2, -2, 0, -0.0, -0.0, .nan, 1, 2, -1, 0.5, 2, .infinity]
    let exponents: [Float] = [
      1.0 / 3, 3, 2, -1, -1, 3, 0, .nan, .nan, .infinity, .infinity, -.infinity, -1,
    ]
    let powers = try Tensor(shape: [bases.count], values: bases)
      .pow(Tensor(shape: [exponents.count], values: exponents)).values
    for ((a, b), y) in zip(zip(bases, exponents), powers) {
      let expected = Foundation.pow(a, b)
      #expect(
        y == expected || (y.isNaN && expected.isNaN), "pow(\(a), \(b)) = \(y), not \(expected)")
      #expect(y.sign == expected.sign || y.isNaN, "pow(\(a), \(b)) has the sign of \(expected)")
    }
  }

  @Test func normalSamplesMatchBoxMullerInDoublePrecision() {
    var generator = RandomGenerator(seed: 11)
    var copy = generator
    for _ in 0..<10_000 {
      let sample = generator.normal()
      let u1 = 1 - copy.nextDouble()
      let u2 = copy.nextDouble()
      let expected = (-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2)
      #expect(abs(sample - expected) <= 1e-14 * max(1, abs(expected)), "\(u1), \(u2)")
    }
  }
}
