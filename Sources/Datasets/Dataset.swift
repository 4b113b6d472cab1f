/// What a dataset asks a model to predict.
public enum Task: Sendable, Equatable {
  /// Two classes, labels 0 and 1.
  case binary
  /// `classes` classes, labels 0..<classes.
  case multiclass(classes: Int)
  /// A real-valued target per sample.
  case regression
}

/// Where a dataset came from, so that a run can say what it was trained on.
public enum Provenance: Sendable, Equatable {
  /// Made by a seeded generator; `parameters` are its knobs as written by the user.
  case generated(generator: String, parameters: [String: String], seed: UInt64)
  /// One of the bundled datasets, by name.
  case bundled(name: String)
  /// Loaded from a file.
  case file(path: String)
  /// Derived from another dataset (a split, a fold, a transform); `how` says which.
  indirect case derived(from: Provenance, how: String)
}

/// A table of samples: a row-major feature matrix and one target per sample.
///
/// Classification targets are class indices stored as `Float` (0, 1, 2, …); regression targets are
/// the values themselves.
public struct Dataset: Sendable, Equatable {
  /// A short name for display ("moons", "iris", "train").
  public var name: String
  /// The features, row-major: sample `i`, feature `j` is `features[i * featureCount + j]`.
  public var features: [Float]
  /// The number of features per sample.
  public var featureCount: Int
  /// One target per sample.
  public var targets: [Float]
  /// The names of the features, `featureCount` of them.
  public var featureNames: [String]
  /// What the targets mean.
  public var task: Task
  /// The names of the classes (empty for regression).
  public var classNames: [String]
  /// The name of the target column: its header in a CSV file, else `label` for classes and
  /// `target` for numbers.
  public var targetName: String
  /// Where the data came from.
  public var provenance: Provenance

  /// The number of samples.
  public var count: Int { targets.count }

  /// Creates a dataset; the feature matrix must hold `targets.count × featureCount` values.
  public init(
    name: String, features: [Float], featureCount: Int, targets: [Float],
    featureNames: [String]? = nil, task: Task, classNames: [String] = [],
    targetName: String? = nil, provenance: Provenance
  ) {
    precondition(
      features.count == targets.count * featureCount,
      "a dataset of \(targets.count) samples × \(featureCount) features needs "
        + "\(targets.count * featureCount) values, got \(features.count)")
    self.name = name
    self.features = features
    self.featureCount = featureCount
    self.targets = targets
    self.featureNames = featureNames ?? (0..<featureCount).map { "x\($0)" }
    self.task = task
    self.classNames = classNames
    self.targetName = targetName ?? (task == .regression ? "target" : "label")
    self.provenance = provenance
  }
}
