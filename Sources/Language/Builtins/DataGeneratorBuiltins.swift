import Datasets

/// The seeded dataset generators: 2-D classification problems in the spirit of TensorFlow
/// Playground (`moons`, `circles`, `spirals`, `blobs`, `xor`) and 1-D regression curves
/// (`polynomial`, `sine`, `linear`). Every one takes `n:`, `noise:` and `seed:`; without a seed it
/// draws one from the session's seed stream, and the dataset remembers which.
extension Builtin {
  static var dataGenerators: [Builtin] {
    [
      generator(
        "moons", "Two interleaving half circles: a binary task a straight line cannot solve.",
        count: 200, noise: 0.1, example: "data = moons(n: 400, noise: 0.25, seed: 1)"
      ) { arguments, n, noise, seed in
        try Dataset.moons(count: n, noise: noise, seed: seed)
      },
      generator(
        "circles", "A ring around a disc: a binary task that needs a curved boundary.",
        count: 200, noise: 0.1,
        knobs: [
          .optional(
            "factor", .number, default: .number(0.5),
            "The inner circle's radius as a fraction of the outer one's, between 0 and 1.")
        ],
        example: "circles(n: 200, noise: 0.05, factor: 0.4, seed: 2)"
      ) { arguments, n, noise, seed in
        try Dataset.circles(
          count: n, noise: noise, factor: arguments.number("factor"), seed: seed)
      },
      generator(
        "spirals", "Interleaved spirals, one class per arm: hard for a small network.",
        count: 300, noise: 0.05,
        knobs: [
          .optional("arms", .integer, default: .number(2), "How many arms (classes), 2 to 100."),
          .optional("turns", .number, default: .number(1), "How many times each arm winds."),
        ],
        example: "spirals(n: 300, arms: 3, seed: 1)"
      ) { arguments, n, noise, seed in
        try Dataset.spirals(
          count: n, arms: arguments.integer("arms"), noise: noise,
          turns: arguments.number("turns"), seed: seed)
      },
      generator(
        "blobs", "Gaussian clusters around centres on a circle, one class per cluster.",
        count: 300, noise: 0.5,
        knobs: [
          .optional("centers", .integer, default: .number(3), "How many clusters (classes)."),
          .optional("radius", .number, default: .number(2), "How far the centres are from 0."),
        ],
        example: "blobs(n: 300, centers: 4, noise: 0.8, seed: 3)"
      ) { arguments, n, noise, seed in
        try Dataset.blobs(
          count: n, centers: arguments.integer("centers"), noise: noise,
          radius: arguments.number("radius"), seed: seed)
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
        knobs: [
          .optional(
            "coefficients", .list(of: .number),
            default: .list([0, -1, 0, 1].map { .number($0) }),
            "The coefficients c₀, c₁, …, lowest degree first."),
          interval(-1, 1),
        ],
        example: "polynomial(n: 50, coefficients: [1, 0, -2], seed: 1)"
      ) { arguments, n, noise, seed in
        try Dataset.polynomial(
          count: n, coefficients: try numbers(arguments, "coefficients"),
          interval: try range(arguments), noise: noise, seed: seed)
      },
      generator(
        "sine", "y = sin(2π·cycles·x) plus noise: the classic picture of under- and overfitting.",
        count: 100, noise: 0.1,
        knobs: [
          .optional("cycles", .number, default: .number(1), "How many periods the curve makes."),
          interval(0, 1),
        ],
        example: "sine(n: 20, noise: 0.2, seed: 1)"
      ) { arguments, n, noise, seed in
        try Dataset.sine(
          count: n, cycles: arguments.number("cycles"), interval: try range(arguments),
          noise: noise, seed: seed)
      },
      generator(
        "linear", "y = w·x + b plus noise, one feature per weight (regression).",
        count: 100, noise: 0.1,
        knobs: [
          .optional(
            "weights", .list(of: .number), default: .list([.number(2)]),
            "One weight per feature."),
          .optional("bias", .number, default: .number(1), "The intercept b."),
          interval(-1, 1),
        ],
        example: "linear(n: 100, weights: [2, -1], bias: 0.5, seed: 1)"
      ) { arguments, n, noise, seed in
        try Dataset.linear(
          count: n, weights: try numbers(arguments, "weights"), bias: arguments.number("bias"),
          interval: try range(arguments), noise: noise, seed: seed)
      },
    ]
  }

  /// A generator built-in with `n:`, `noise:`, its own knobs, then `seed:`.
  private static func generator(
    _ name: String, _ summary: String, count: Int, noise: Double, knobs: [BuiltinParameter] = [],
    example: String,
    make: @escaping (Arguments, Int, Double, UInt64) throws -> Dataset
  ) -> Builtin {
    Builtin(
      name, topic: .data, summary: summary,
      parameters: [
        .optional("n", .integer, default: .number(Double(count)), "How many samples."),
        .optional(
          "noise", .number, default: .number(noise),
          "The standard deviation of the Gaussian noise added to each value."),
      ] + knobs + [.seed],
      example: example
    ) { arguments, context in
      let n = arguments.integer("n")
      guard n >= 1 else {
        throw CallError("`n` must be at least 1 sample, got \(n)", argument: "n")
      }
      let noise = arguments.number("noise")
      guard noise >= 0 else {
        throw CallError(
          "`noise` is a standard deviation and cannot be negative, got "
            + Value.number(noise).summary,
          hint: "noise 0 gives the clean shape; 0.1 to 0.3 makes it harder", argument: "noise")
      }
      let seed = try arguments.seed(in: context)
      return .host(DatasetObject(try libraryCall { try make(arguments, n, noise, seed) }))
    }
  }

  /// The `interval:` knob of the regression curves.
  private static func interval(_ low: Double, _ high: Double) -> BuiltinParameter {
    .optional(
      "interval", .list(of: .number), default: .list([.number(low), .number(high)]),
      "Where x is drawn from, uniformly: [low, high].")
  }

  /// The numbers of the list argument `label`.
  private static func numbers(_ arguments: Arguments, _ label: String) throws -> [Double] {
    let numbers = arguments.list(label).compactMap { value -> Double? in
      if case .number(let number) = value { number } else { nil }
    }
    guard !numbers.isEmpty else {
      throw CallError("`\(label)` needs at least one number", argument: label)
    }
    return numbers
  }

  /// The `interval:` argument as a range, checked to be `[low, high]` with low < high.
  private static func range(_ arguments: Arguments) throws -> ClosedRange<Double> {
    let ends = try numbers(arguments, "interval")
    guard ends.count == 2, ends[0] < ends[1], ends.allSatisfy(\.isFinite) else {
      throw CallError(
        "`interval` must be two finite numbers [low, high] with low < high",
        hint: "for example interval: [-1, 1]", argument: "interval")
    }
    return ends[0]...ends[1]
  }
}
