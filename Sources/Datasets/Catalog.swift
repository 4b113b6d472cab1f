/// A dataset a learner can ask for by name, for `help` and tab completion.
public struct CatalogEntry: Sendable, Equatable {
  /// The name as typed at the prompt.
  public var name: String
  /// One line saying what it is.
  public var description: String
  /// Whether it is a bundled real dataset (otherwise a seeded generator).
  public var isBundled: Bool

  /// Creates an entry.
  public init(name: String, description: String, isBundled: Bool) {
    self.name = name
    self.description = description
    self.isBundled = isBundled
  }
}

/// Every dataset a learner can ask for by name: the generators, then the bundled real datasets.
public let datasetCatalog: [CatalogEntry] =
  [
    ("moons", "two interleaving half circles, 2 classes; knobs: count, noise, seed"),
    ("circles", "a ring around a disc, 2 classes; knobs: count, noise, factor, seed"),
    ("spirals", "interleaved spirals, one class per arm; knobs: count, arms, noise, turns, seed"),
    ("blobs", "Gaussian clusters, one class each; knobs: count, centers, noise, radius, seed"),
    ("xor", "four quadrants, opposite corners share a class; knobs: count, noise, seed"),
    (
      "polynomial", "y = a noisy polynomial of x; knobs: count, coefficients, interval, noise, seed"
    ),
    (
      "sine",
      "y = sin(2π·cycles·x) + noise, for under/overfitting; knobs: count, cycles, noise, seed"
    ),
    ("linear", "y = w·x + b + noise; knobs: count, weights, bias, interval, noise, seed"),
  ].map { CatalogEntry(name: $0.0, description: $0.1, isBundled: false) }
  + BundledDataset.allCases.map {
    CatalogEntry(name: $0.name, description: $0.summary, isBundled: true)
  }
