extension Task {
  /// The number of classes: 2 for binary, `classes` for multiclass, 0 for regression.
  public var classCount: Int {
    switch self {
    case .binary: 2
    case .multiclass(let classes): classes
    case .regression: 0
    }
  }

  /// The task in a word or two: `binary`, `3 classes`, `regression`.
  public var summary: String {
    switch self {
    case .binary: "binary"
    case .multiclass(let classes): "\(classes) classes"
    case .regression: "regression"
    }
  }
}

extension Provenance {
  /// Where the data came from in a few words: `moons, noise 0.25, seed 1`, `iris`,
  /// `file scores.csv`, `iris, train part`.
  public var summary: String {
    switch self {
    case .generated(let generator, let parameters, let seed):
      let knobs = parameters.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
      return ([generator] + knobs + ["seed \(seed)"]).joined(separator: ", ")
    case .bundled(let name):
      return name
    case .file(let path):
      return "file " + path
    case .derived(let source, let how):
      return source.summary + "; " + how
    }
  }
}

extension Dataset: CustomStringConvertible {
  /// How many samples of each class, class `i` at index `i`; empty for regression.
  public var classCounts: [Int] {
    var counts = [Int](repeating: 0, count: task.classCount)
    for label in classLabels { counts[label] += 1 }
    return counts
  }

  /// One line for display: `400 samples × 2 features, binary (moons, noise 0.25, seed 1)`.
  public var summary: String {
    let samples = count == 1 ? "1 sample" : "\(count) samples"
    let features = featureCount == 1 ? "1 feature" : "\(featureCount) features"
    return "\(samples) × \(features), \(task.summary) (\(provenance.summary))"
  }

  /// The same as `summary`.
  public var description: String { summary }
}
