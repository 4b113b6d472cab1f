import Learning

extension Builtin {
  /// The learning-rate schedules, passed to `fit(…, schedule: …)`; each starts from the
  /// optimizer's learning rate.
  static var schedules: [Builtin] {
    [
      Builtin(
        "step_decay", topic: .training,
        summary: "Multiplies the learning rate by `gamma` every `every` epochs.",
        parameters: [
          .optional("every", .integer, default: .number(10), "Epochs between reductions."),
          .optional(
            "gamma", .number, default: .number(0.1), "What the rate is multiplied by each time."),
        ],
        example: "s = step_decay(every: 20, gamma: 0.5)"
      ) { arguments, _ in
        let every = arguments.integer("every")
        guard every > 0 else {
          throw CallError("`every` must be at least 1 epoch, got \(every)", argument: "every")
        }
        let gamma = try positive(arguments, "gamma")
        return schedule(
          .stepDecay(every: every, gamma: gamma), "step_decay", arguments, ["every", "gamma"])
      },
      Builtin(
        "exponential", topic: .training,
        summary: "Multiplies the learning rate by `gamma` after every epoch.",
        parameters: [
          .optional(
            "gamma", .number, default: .number(0.95), "What the rate is multiplied by each epoch.")
        ],
        example: "s = exponential(gamma: 0.9)"
      ) { arguments, _ in
        schedule(
          .exponential(gamma: try positive(arguments, "gamma")), "exponential", arguments, ["gamma"]
        )
      },
      Builtin(
        "cosine", topic: .training,
        summary: "Warms up linearly, then follows a cosine down to `min_lr` by the last step.",
        parameters: [
          .optional("warmup", .integer, default: .number(0), "Epochs of linear warmup."),
          .optional("min_lr", .number, default: .number(0), "The rate at the end."),
        ],
        example: "s = cosine(warmup: 5)"
      ) { arguments, _ in
        let warmup = arguments.integer("warmup")
        guard warmup >= 0 else {
          throw CallError("`warmup` cannot be negative, got \(warmup)", argument: "warmup")
        }
        return schedule(
          .cosine(warmup: warmup, minimum: arguments.number("min_lr")), "cosine", arguments,
          ["warmup", "min_lr"])
      },
      Builtin(
        "one_cycle", topic: .training,
        summary: "Rises to `max_lr` and anneals far below it over the run (Smith's one-cycle).",
        parameters: [
          .optional(
            "max_lr", .either(.number, .none), default: .none,
            "The peak rate; none uses the optimizer's."),
          .optional("pct_start", .number, default: .number(0.3), "The fraction spent rising."),
        ],
        example: "s = one_cycle(max_lr: 0.1)"
      ) { arguments, _ in
        var peak: Double?
        if case .number = arguments["max_lr"] { peak = try positive(arguments, "max_lr") }
        let rising = arguments.number("pct_start")
        guard rising > 0, rising < 1 else {
          throw CallError("`pct_start` must be between 0 and 1", argument: "pct_start")
        }
        return schedule(
          .oneCycle(peak: peak, rising: rising), "one_cycle", arguments, ["max_lr", "pct_start"])
      },
      Builtin(
        "reduce_on_plateau", topic: .training,
        summary: "Multiplies the rate by `factor` when `monitor` stops improving for `patience` "
          + "epochs.",
        parameters: [
          .optional("monitor", .string, default: .string("val_loss"), "The value watched."),
          .optional(
            "factor", .number, default: .number(0.1),
            "What the rate is multiplied by on a plateau."),
          .optional("patience", .integer, default: .number(10), "Epochs without improvement."),
          .optional("min_lr", .number, default: .number(0), "The lowest rate."),
        ],
        example: "s = reduce_on_plateau(patience: 5, factor: 0.5)"
      ) { arguments, _ in
        let factor = try positive(arguments, "factor")
        guard factor < 1 else {
          throw CallError(
            "`factor` must be below 1, got \(NumberFormat.format(factor))", argument: "factor")
        }
        let patience = arguments.integer("patience")
        guard patience >= 0 else {
          throw CallError("`patience` cannot be negative", argument: "patience")
        }
        return schedule(
          .reduceOnPlateau(
            monitor: arguments.string("monitor"), factor: factor, patience: patience,
            minimum: arguments.number("min_lr")),
          "reduce_on_plateau", arguments, ["monitor", "factor", "patience", "min_lr"])
      },
    ]
  }

  /// The number `label`, which must be positive and finite.
  static func positive(_ arguments: Arguments, _ label: String) throws -> Double {
    let value = arguments.number(label)
    guard value > 0, value.isFinite else {
      throw CallError(
        "`\(label)` must be a positive number, got \(NumberFormat.format(value))", argument: label)
    }
    return value
  }

  /// A schedule value displayed as the call with the arguments given.
  private static func schedule(
    _ recipe: ScheduleObject.Recipe, _ name: String, _ arguments: Arguments, _ labels: [String]
  ) -> Value {
    .host(ScheduleObject(recipe, call: call(name, arguments, labels)))
  }
}
