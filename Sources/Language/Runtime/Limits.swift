import Datasets

/// Counts and sizes a learner never reaches but that keep a stranger's notebook from occupying
/// the machine for days; `help()` lists them with the memory budget.
enum Limits {
  /// The most samples a generator makes (the generators' own limit).
  static let samples = Dataset.generatedCounts.upperBound
  /// The most epochs one `fit`, `resume` or `cross_validate` runs.
  static let epochs = 1_000_000
  /// The most steps of `lr_find`.
  static let rateFinderSteps = 100_000

  /// The limits as `help()` shows them.
  static var lines: [String] {
    [
      "Limits (far beyond any lesson; they keep a notebook from exhausting the machine):",
      "  memory      \(byteCount(MemoryBudget.standard.limit)) for the session (half the "
        + "machine's; set with --memory or \(MemoryBudget.variable))",
      "  samples     \(Limits.samples) per generated dataset",
      "  epochs      \(Limits.epochs) per fit, resume or cross_validate",
      "  lr_find     \(Limits.rateFinderSteps) steps",
      "  lists, text \(Session.maximumLength) elements or characters, lists nested "
        + "\(Session.maximumListNesting) deep",
      "  layers      \(Builtin.largestLayer) weights each",
    ]
  }
}
