import Datasets

/// The seeded dataset generators: 2-D classification problems in the spirit of TensorFlow
/// Playground (`moons`, `circles`, `spirals`, `blobs`, `xor`) and 1-D regression curves
/// (`polynomial`, `sine`, `linear`). Every one takes `n:`, `noise:` and `seed:`; without a seed it
/// draws one from the session's seed stream, and the dataset remembers which.
extension Builtin {
  static var dataGenerators: [Builtin] {
    let factor = Declared.number(
      "factor", default: 0.5,
      "The inner circle's radius as a fraction of the outer one's, between 0 and 1.")
    let arms = Declared.integer(
      "arms", default: 2,
      "How many arms (classes), \(Dataset.spiralArms.lowerBound) to "
        + "\(Dataset.spiralArms.upperBound).")
    let turns = Declared.number("turns", default: 1, "How many times each arm winds.")
    let centers = Declared.integer("centers", default: 3, "How many clusters (classes).")
    let radius = Declared.number("radius", default: 2, "How far the centres are from 0.")
    let coefficients = Declared.list(
      "coefficients", .list(of: .number), default: [0, -1, 0, 1].map { .number($0) },
      "The coefficients c₀, c₁, …, lowest degree first.")
    let cycles = Declared.number("cycles", default: 1, "How many periods the curve makes.")
    let weights = Declared.list(
      "weights", .list(of: .number), default: [.number(2)], "One weight per feature.")
    let bias = Declared.number("bias", default: 1, "The intercept b.")
    let symmetric = interval(-1, 1)
    let unit = interval(0, 1)
    return [
      generator(
        "moons", "Two interleaving half circles: a binary task a straight line cannot solve.",
        count: 200, noise: 0.1, example: "data = moons(n: 400, noise: 0.25, seed: 1)"
      ) { arguments, n, noise, seed in
        try Dataset.moons(count: n, noise: noise, seed: seed)
      },
      generator(
        "circles", "A ring around a disc: a binary task that needs a curved boundary.",
        count: 200, noise: 0.1,
        knobs: [factor], example: "circles(n: 200, noise: 0.05, factor: 0.4, seed: 2)"
      ) { arguments, n, noise, seed in
        try Dataset.circles(count: n, noise: noise, factor: arguments[factor], seed: seed)
      },
      generator(
        "spirals", "Interleaved spirals, one class per arm: hard for a small network.",
        count: 300, noise: 0.05,
        knobs: [arms, turns], example: "spirals(n: 300, arms: 3, seed: 1)"
      ) { arguments, n, noise, seed in
        try Dataset.spirals(
          count: n, arms: arguments[arms], noise: noise, turns: arguments[turns], seed: seed)
      },
      generator(
        "blobs", "Gaussian clusters around centres on a circle, one class per cluster.",
        count: 300, noise: 0.5,
        knobs: [centers, radius], example: "blobs(n: 300, centers: 4, noise: 0.8, seed: 3)"
      ) { arguments, n, noise, seed in
        try Dataset.blobs(
          count: n, centers: arguments[centers], noise: noise, radius: arguments[radius],
          seed: seed)
      },
      generator(
        "xor", "Four quadrants where opposite corners share a class: needs a hidden layer.",
        count: 200, noise: 0.1, example: "xor(n: 200, noise: 0.05, seed: 1)"
      ) { arguments, n, noise, seed in
        try Dataset.xor(count: n, noise: noise, seed: seed)
      },
      generator(
        "polynomial", "A noisy polynomial y = c₀ + c₁x + c₂x² + … of one feature (regression).",
        count: 100, noise: 0.1,
        knobs: [coefficients, symmetric],
        example: "polynomial(n: 50, coefficients: [1, 0, -2], seed: 1)"
      ) { arguments, n, noise, seed in
        try Dataset.polynomial(
          count: n, coefficients: try numbers(arguments[coefficients], coefficients.label),
          interval: try range(arguments[symmetric]), noise: noise, seed: seed)
      },
      generator(
        "sine", "y = sin(2π·cycles·x) plus noise: the classic picture of under- and overfitting.",
        count: 100, noise: 0.1,
        knobs: [cycles, unit], example: "sine(n: 20, noise: 0.2, seed: 1)"
      ) { arguments, n, noise, seed in
        try Dataset.sine(
          count: n, cycles: arguments[cycles], interval: try range(arguments[unit]),
          noise: noise, seed: seed)
      },
      generator(
        "linear", "y = w·x + b plus noise, one feature per weight (regression).",
        count: 100, noise: 0.1,
        knobs: [weights, bias, symmetric],
        example: "linear(n: 100, weights: [2, -1], bias: 0.5, seed: 1)"
      ) { arguments, n, noise, seed in
        try Dataset.linear(
          count: n, weights: try numbers(arguments[weights], weights.label),
          bias: arguments[bias], interval: try range(arguments[symmetric]), noise: noise,
          seed: seed)
      },
    ]
  }

  /// A generator built-in with `n:`, `noise:`, its own knobs, then `seed:`.
  private static func generator(
    _ name: String, _ summary: String, count: Int, noise: Double,
    knobs: [any DeclaredParameter] = [], example: String,
    make: @escaping (Arguments, Int, Double, UInt64) throws -> Dataset
  ) -> Builtin {
    let fewest = Dataset.generatedCounts.lowerBound
    let n = Declared.integer("n", default: count, "How many samples.")
      .valid(ValidRange.atLeast(Double(fewest)).saying("must be at least \(fewest) sample"))
    let deviation = Declared.number(
      "noise", default: noise, "The standard deviation of the Gaussian noise added to each value."
    ).valid(
      ValidRange.atLeast(Dataset.noiseDeviations.lowerBound)
        .saying("is a standard deviation and cannot be negative").hinting(Dataset.noiseHint))
    return Builtin(
      name, topic: .data, summary: summary, parameters: [n, deviation] + knobs + [.seed],
      example: example
    ) { arguments, context in
      let (n, noise) = (arguments[n], arguments[deviation])
      let seed = arguments.seed(in: context)
      try refuseAbove(Limits.samples, n, argument: "n")
      // Features, targets and the generator's working copies: about 64 bytes a sample.
      try context.reserve(n, of: 64, argument: "n")
      return .host(DatasetObject(try libraryCall { try make(arguments, n, noise, seed) }))
    }
  }

  /// The `interval:` knob of the regression curves.
  private static func interval(_ low: Double, _ high: Double) -> Declared<[Value]> {
    .list(
      "interval", .list(of: .number), default: [.number(low), .number(high)],
      "Where x is drawn from, uniformly: [low, high].")
  }

  /// The numbers of the list `values`, given as the argument `label`.
  private static func numbers(_ values: [Value], _ label: String) throws -> [Double] {
    let numbers = values.compactMap { value -> Double? in
      if case .number(let number) = value { number } else { nil }
    }
    guard !numbers.isEmpty else {
      throw CallError("`\(label)` needs at least one number", argument: label)
    }
    return numbers
  }

  /// The `interval:` argument as a range, checked to be `[low, high]` with low < high.
  private static func range(_ values: [Value]) throws -> ClosedRange<Double> {
    let ends = try numbers(values, "interval")
    guard ends.count == 2, ends[0] < ends[1], ends.allSatisfy(\.isFinite) else {
      throw CallError(
        "`interval` must be two finite numbers [low, high] with low < high",
        hint: "for example interval: [-1, 1]", argument: "interval")
    }
    return ends[0]...ends[1]
  }
}
