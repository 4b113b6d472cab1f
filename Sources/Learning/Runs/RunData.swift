import Datasets

/// The data a run trained or validated on, as plain data: the learner's name for it, its size and
/// task, and where it came from.
public struct RunData: Codable, Sendable, Equatable {
  /// Where a dataset came from: a generator with its knobs and seed, a bundled set, or a file,
  /// then the steps that made the data from it (a split, a transform), oldest first.
  public struct Source: Codable, Sendable, Equatable {
    /// `generated`, `bundled` or `file`.
    public var kind: String
    /// The generator's name (`moons`), the bundled set's (`iris`) or the file's path.
    public var name: String
    /// A generator's knobs as the learner wrote them (`noise: "0.2"`); empty otherwise.
    public var parameters: [String: String]
    /// A generator's seed.
    public var seed: UInt64?
    /// What was done to it since, oldest first: `train part`, `standardised`.
    public var steps: [String]

    /// The source of data with `provenance`.
    public init(_ provenance: Provenance) {
      var origin = provenance
      steps = []
      while case .derived(let from, let how) = origin {
        steps.insert(how, at: 0)
        origin = from
      }
      parameters = [:]
      seed = nil
      switch origin {
      case .generated(let generator, let knobs, let seed):
        (kind, name, parameters, self.seed) = ("generated", generator, knobs, seed)
      case .bundled(let bundled): (kind, name) = ("bundled", bundled)
      case .file(let path): (kind, name) = ("file", path)
      case .derived: (kind, name) = ("derived", "")
      }
    }

    /// In a few words: `moons, noise 0.2, seed 1; train part`, `iris`, `file scores.csv`.
    public var summary: String {
      var head = kind == "file" ? ["file " + name] : [name]
      head += parameters.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
      if let seed { head.append("seed \(seed)") }
      return ([head.joined(separator: ", ")] + steps).joined(separator: "; ")
    }
  }

  /// The variable the learner passed (`train`), when the fit named one.
  public var variable: String?
  /// The dataset's own name (`moons`, `iris train`).
  public var name: String
  /// The number of samples.
  public var samples: Int
  /// The number of features per sample.
  public var features: Int
  /// `binary`, `N classes` or `regression`.
  public var task: String
  /// Where it came from.
  public var source: Source

  /// The description of `dataset`, which the learner called `variable`.
  public init(_ dataset: Dataset, variable: String? = nil) {
    self.variable = variable
    name = dataset.name
    samples = dataset.count
    features = dataset.featureCount
    task = dataset.task.summary
    source = Source(dataset.provenance)
  }
}
