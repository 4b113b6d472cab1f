import Engine
import Foundation

/// Seeded regression problems: inputs drawn uniformly from an interval, targets a known function
/// plus Gaussian noise of deviation `noise`. Fitting polynomials of rising degree to a noisy sine
/// is the classic picture of under- and overfitting (Bishop, *Pattern Recognition and Machine
/// Learning*, 2006, §1.1).
extension Dataset {
  /// `y = c₀ + c₁x + c₂x² + … + noise`, with `x` uniform in `interval` and `coefficients`
  /// `[c₀, c₁, …]` (lowest degree first).
  public static func polynomial(
    count: Int = 100, coefficients: [Double] = [0, -1, 0, 1],
    interval: ClosedRange<Double> = -1...1,
    noise: Double = 0.1, seed: UInt64 = 0
  ) throws(DataError) -> Dataset {
    try require(!coefficients.isEmpty, "polynomial needs at least one coefficient")
    let written = coefficients.map(knob).joined(separator: ", ")
    return try curve(
      "polynomial", count: count, interval: interval, noise: noise, seed: seed,
      parameters: ["coefficients": "[\(written)]"]
    ) { x in coefficients.reversed().reduce(0) { $0 * x + $1 } }
  }

  /// `y = sin(2π · cycles · x) + noise`, with `x` uniform in `interval`; by default one full
  /// period on [0, 1] (Bishop's curve-fitting example).
  public static func sine(
    count: Int = 100, cycles: Double = 1, interval: ClosedRange<Double> = 0...1,
    noise: Double = 0.1, seed: UInt64 = 0
  ) throws(DataError) -> Dataset {
    try require(cycles.isFinite, "sine needs a finite number of cycles, got \(cycles)")
    return try curve(
      "sine", count: count, interval: interval, noise: noise, seed: seed,
      parameters: ["cycles": knob(cycles)]
    ) { x in sin(2 * Double.pi * cycles * x) }
  }

  /// `y = w · x + b + noise` with one feature per weight, each feature uniform in `interval`.
  public static func linear(
    count: Int = 100, weights: [Double] = [2], bias: Double = 1,
    interval: ClosedRange<Double> = -1...1, noise: Double = 0.1, seed: UInt64 = 0
  ) throws(DataError) -> Dataset {
    try checkSize(count, noise: noise)
    try checkInterval(interval)
    try require(
      !weights.isEmpty && weights.count <= 1000,
      "linear needs 1 to 1000 weights, got \(weights.count)")
    var generator = RandomGenerator(seed: seed)
    var features: [Float] = []
    var targets: [Float] = []
    features.reserveCapacity(count * weights.count)
    for _ in 0..<count {
      var y = bias
      for weight in weights {
        let x = generator.uniform(interval.lowerBound, interval.upperBound)
        features.append(Float(x))
        y += weight * x
      }
      targets.append(Float(y + generator.normal(deviation: noise)))
    }
    let written = weights.map(knob).joined(separator: ", ")
    let names = weights.count == 1 ? ["x"] : weights.indices.map { "x\($0 + 1)" }
    return Dataset(
      name: "linear", features: features, featureCount: weights.count, targets: targets,
      featureNames: names, task: .regression,
      provenance: .generated(
        generator: "linear",
        parameters: [
          "weights": "[\(written)]", "bias": knob(bias), "noise": knob(noise),
          "interval": knob(interval),
        ], seed: seed))
  }

  /// A one-feature regression dataset: `x` uniform in `interval`, `y = f(x) + noise`.
  private static func curve(
    _ generatorName: String, count: Int, interval: ClosedRange<Double>, noise: Double,
    seed: UInt64, parameters: [String: String], _ f: (Double) -> Double
  ) throws(DataError) -> Dataset {
    try checkSize(count, noise: noise)
    try checkInterval(interval)
    var generator = RandomGenerator(seed: seed)
    var features: [Float] = []
    var targets: [Float] = []
    features.reserveCapacity(count)
    targets.reserveCapacity(count)
    for _ in 0..<count {
      let x = generator.uniform(interval.lowerBound, interval.upperBound)
      features.append(Float(x))
      targets.append(Float(f(x) + generator.normal(deviation: noise)))
    }
    var knobs = parameters
    knobs["noise"] = knob(noise)
    knobs["interval"] = knob(interval)
    return Dataset(
      name: generatorName, features: features, featureCount: 1, targets: targets,
      featureNames: ["x"], task: .regression,
      provenance: .generated(generator: generatorName, parameters: knobs, seed: seed))
  }
}

/// Checks that an interval is finite.
private func checkInterval(_ interval: ClosedRange<Double>) throws(DataError) {
  try require(
    interval.lowerBound.isFinite && interval.upperBound.isFinite,
    "the interval must have finite ends, got \(interval)")
}
