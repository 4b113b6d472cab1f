import Learning

extension Builtin {
  /// The learning-rate schedules, passed to `fit(…, schedule: …)`; each starts from the
  /// optimizer's learning rate.
  static var schedules: [Builtin] {
    let every = Declared.integer("every", default: 10, "Epochs between reductions.")
      .valid(ValidRange.atLeast(1).saying("must be at least 1 epoch"))
    let stepGamma = Declared.number(
      "gamma", default: 0.1, "What the rate is multiplied by each time."
    ).valid(.positive)
    let epochGamma = Declared.number(
      "gamma", default: 0.95, "What the rate is multiplied by each epoch."
    ).valid(.positive)
    let warmup = Declared.integer("warmup", default: 0, "Epochs of linear warmup.")
      .valid(.atLeast(0))
    let endRate = Declared.number("min_lr", default: 0, "The rate at the end.")
    let peak = Declared.numberOrNone("max_lr", "The peak rate; none uses the optimizer's.")
      .valid(.positive)
    let rising = Declared.number("pct_start", default: 0.3, "The fraction spent rising.")
      .valid(.between(0, 1))
    let watched = Declared.string("monitor", default: "val_loss", "The value watched.")
    let factor = Declared.number(
      "factor", default: 0.1, "What the rate is multiplied by on a plateau."
    ).valid(.between(0, 1))
    let patience = Declared.integer("patience", default: 10, "Epochs without improvement.")
      .valid(.atLeast(0))
    let lowest = Declared.number("min_lr", default: 0, "The lowest rate.")
    return [
      schedule(
        "step_decay", "Multiplies the learning rate by `gamma` every `every` epochs.",
        [every, stepGamma], example: "s = step_decay(every: 20, gamma: 0.5)"
      ) { .stepDecay(every: $0[every], gamma: $0[stepGamma]) },
      schedule(
        "exponential", "Multiplies the learning rate by `gamma` after every epoch.",
        [epochGamma], example: "s = exponential(gamma: 0.9)"
      ) { .exponential(gamma: $0[epochGamma]) },
      schedule(
        "cosine", "Warms up linearly, then follows a cosine down to `min_lr` by the last step.",
        [warmup, endRate], example: "s = cosine(warmup: 5)"
      ) { .cosine(warmup: $0[warmup], minimum: $0[endRate]) },
      schedule(
        "one_cycle", "Rises to `max_lr` and anneals far below it over the run (Smith's one-cycle).",
        [peak, rising], example: "s = one_cycle(max_lr: 0.1)"
      ) { .oneCycle(peak: $0[peak], rising: $0[rising]) },
      schedule(
        "reduce_on_plateau",
        "Multiplies the rate by `factor` when `monitor` stops improving for `patience` epochs.",
        [watched, factor, patience, lowest],
        example: "s = reduce_on_plateau(patience: 5, factor: 0.5)"
      ) {
        .reduceOnPlateau(
          monitor: $0[watched], factor: $0[factor], patience: $0[patience], minimum: $0[lowest])
      },
    ]
  }

  /// A schedule built-in, whose value is `recipe` of its arguments, displayed as the call that
  /// made it.
  private static func schedule(
    _ name: String, _ summary: String, _ parameters: [any DeclaredParameter], example: String,
    recipe: @escaping (Arguments) -> ScheduleObject.Recipe
  ) -> Builtin {
    Builtin(
      name, topic: .training, summary: summary, parameters: parameters, example: example
    ) { arguments, _ in
      .host(ScheduleObject(recipe(arguments), call: arguments.call()))
    }
  }
}
