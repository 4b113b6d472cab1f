extension Builtin {
  /// Sweeps: `sweep(…) { … }` (documented here; the interpreter runs its block).
  static var sweeps: [Builtin] {
    let seeds = Declared.value(
      "seeds", .either(.integer, .list(of: .integer)), default: .number(3),
      "How many seeds to repeat each setting with (seeds 1 to n), or a list of seeds. Inside "
        + "the block, `seed` is the run's seed, and every call given no seed of its own (the "
        + "model's weights, fit's batch order and dropout) is seeded with it.")
    let axes: BuiltinParameter = .variadic(
      "axis", .list(of: .any),
      "Written `label: [values]`, any other label is an axis: its list holds the values to try, and inside the block the "
        + "label names the run's value (`lr: [0.001, 0.01]` gives `lr`). Runs cover every "
        + "combination of the axes, each over every seed.")
    return [
      Builtin(
        "sweep", topic: .training,
        summary: "Trains every combination of a few settings over several seeds, in parallel on "
          + "every core, and returns the runs grouped by setting: `sweep(lr: [0.01, 0.1], "
          + "seeds: 3) { fit(…) }`. With seeds alone it returns one group.",
        parameters: [axes, seeds],
        example: """
          data = moons(n: 100, seed: 1)
          s = sweep(lr: [0.01, 0.1], seeds: 2) {
            fit(mlp(inputs: 2, hidden: [8], outputs: 1), data, optimizer: adam(lr: lr), epochs: 3)
          }
          compare(s)
          """
      ) { _, _ in
        throw CallError(
          "`sweep(…)` takes a block after its arguments with the fit to repeat",
          hint: "sweep(lr: [0.01, 0.1], seeds: 3) { fit(mlp(inputs: 2, seed: seed), data, "
            + "optimizer: adam(lr: lr)) }")
      }.detailed([
        "The block runs once per setting and seed, one after another, and must call fit once;",
        "the fits then train in parallel, on as many threads as TRAINBOOK_THREADS allows (all",
        "cores by default), each giving the same numbers as the same fit trained alone.",
        "Ctrl-C stops the sweep and keeps the runs that had finished.",
      ])
    ]
  }
}
