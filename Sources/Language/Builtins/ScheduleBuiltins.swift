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
      Builtin(
        "step_decay", topic: .training,
        summary: "Multiplies the learning rate by `gamma` every `every` epochs.",
        parameters: [every, stepGamma], example: "s = step_decay(every: 20, gamma: 0.5)"
      ) { arguments, _ in
        schedule(.stepDecay(every: arguments[every], gamma: arguments[stepGamma]), arguments)
      },
      Builtin(
        "exponential", topic: .training,
        summary: "Multiplies the learning rate by `gamma` after every epoch.",
        parameters: [epochGamma], example: "s = exponential(gamma: 0.9)"
      ) { arguments, _ in
        schedule(.exponential(gamma: arguments[epochGamma]), arguments)
      },
      Builtin(
        "cosine", topic: .training,
        summary: "Warms up linearly, then follows a cosine down to `min_lr` by the last step.",
        parameters: [warmup, endRate], example: "s = cosine(warmup: 5)"
      ) { arguments, _ in
        schedule(.cosine(warmup: arguments[warmup], minimum: arguments[endRate]), arguments)
      },
      Builtin(
        "one_cycle", topic: .training,
        summary: "Rises to `max_lr` and anneals far below it over the run (Smith's one-cycle).",
        parameters: [peak, rising], example: "s = one_cycle(max_lr: 0.1)"
      ) { arguments, _ in
        schedule(.oneCycle(peak: arguments[peak], rising: arguments[rising]), arguments)
      },
      Builtin(
        "reduce_on_plateau", topic: .training,
        summary: "Multiplies the rate by `factor` when `monitor` stops improving for `patience` "
          + "epochs.",
        parameters: [watched, factor, patience, lowest],
        example: "s = reduce_on_plateau(patience: 5, factor: 0.5)"
      ) { arguments, _ in
        schedule(
          .reduceOnPlateau(
            monitor: arguments[watched], factor: arguments[factor], patience: arguments[patience],
            minimum: arguments[lowest]),
          arguments)
      },
    ]
  }

  /// A schedule value displayed as the call that made it.
  private static func schedule(_ recipe: ScheduleObject.Recipe, _ arguments: Arguments) -> Value {
    .host(ScheduleObject(recipe, call: arguments.call()))
  }
}
