import Engine

extension Dataset {
  /// The samples at `indices`, in that order (an index may repeat); `how` is recorded in the
  /// provenance and appended to the name.
  ///
  /// Every index must be in `0..<count`: the indices come from splits, folds and filters, not
  /// from a learner's typing.
  public func subset(_ indices: some Collection<Int>, how: String) -> Dataset {
    var pickedFeatures: [Float] = []
    var pickedTargets: [Float] = []
    gather(indices, features: &pickedFeatures, targets: &pickedTargets)
    return Dataset(
      name: name + " (" + how + ")", features: pickedFeatures, featureCount: featureCount,
      targets: pickedTargets, featureNames: featureNames, task: task, classNames: classNames,
      targetName: targetName, provenance: .derived(from: provenance, how: how))
  }

  /// Replaces `features` and `targets` with the samples at `indices`, reusing their storage, so a
  /// training loop can fill the same two arrays batch after batch without allocating. (Inlinable,
  /// so that a fit loop's call is specialised to its index type: it runs once per batch.)
  @inlinable
  public func gather(
    _ indices: some Collection<Int>, features batchFeatures: inout [Float],
    targets batchTargets: inout [Float]
  ) {
    let width = featureCount
    batchFeatures.resize(to: indices.count * width)
    batchTargets.resize(to: indices.count)
    features.withUnsafeBufferPointer { source in
      targets.withUnsafeBufferPointer { sourceTargets in
        batchFeatures.withUnsafeMutableBufferPointer { picked in
          batchTargets.withUnsafeMutableBufferPointer { pickedTargets in
            for (row, index) in indices.enumerated() {
              precondition(
                sourceTargets.indices.contains(index),
                "sample \(index) is outside 0..<\(count) in \(name)")
              pickedTargets[row] = sourceTargets[index]
              for column in 0..<width {
                picked[row * width + column] = source[index * width + column]
              }
            }
          }
        }
      }
    }
  }

  /// The indices of the samples of each class, class `i` at index `i`, in dataset order.
  public var indicesByClass: [[Int]] {
    var groups = [[Int]](repeating: [], count: task.classCount)
    for (index, label) in zip(targets.indices, classLabels) { groups[label].append(index) }
    return groups
  }

  /// The class of each sample as an integer, for a classification dataset (targets are class
  /// indices stored as `Float`); empty for regression.
  public var classLabels: [Int] {
    let classes = task.classCount
    guard classes > 0 else { return [] }
    return targets.map { target in
      let label = target >= 0 && target < Float(classes) ? Int(target) : -1
      precondition(
        (0..<classes).contains(label),
        "target \(target) of \(name) is not a class in 0..<\(classes)")
      return label
    }
  }

  /// Only the samples of `classes`, relabelled `0..<classes.count` in the order given, with the
  /// class names following (the digits 5–9 become classes 0–4 named "5"…"9").
  ///
  /// Transfer-learning lessons train on some classes and fine-tune on the others.
  public func keepingClasses(_ classes: [Int]) throws(DataError) -> Dataset {
    try requireClassification("keeping classes")
    try require(!classes.isEmpty, "name at least one class to keep")
    try require(Set(classes).count == classes.count, "each class may be kept only once")
    for label in classes {
      try require(
        (0..<task.classCount).contains(label),
        "there is no class \(label); \(name) has classes 0 to \(task.classCount - 1)")
    }
    let newLabel = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
    let labels = classLabels
    let kept = targets.indices.filter { newLabel[labels[$0]] != nil }
    let names = classes.map { classNames.indices.contains($0) ? classNames[$0] : String($0) }
    var result = subset(kept, how: "classes " + names.joined(separator: ", "))
    result.targets = kept.map { Float(newLabel[labels[$0]] ?? 0) }
    result.classNames = names
    result.task = classes.count == 2 ? .binary : .multiclass(classes: classes.count)
    return result
  }

  /// At most `perClass` samples of each class, chosen at random with `seed`, in dataset order
  /// ("digits 5–9 with ten samples each").
  public func limitingSamples(perClass: Int, seed: UInt64) throws(DataError) -> Dataset {
    try requireClassification("limiting samples per class")
    try require(perClass >= 1, "keep at least 1 sample per class, got \(perClass)")
    var generator = RandomGenerator(seed: seed)
    var kept: [Int] = []
    for var group in indicesByClass {
      generator.shuffle(&group)
      kept += group.prefix(perClass)
    }
    return subset(kept.sorted(), how: "\(perClass) per class, seed \(seed)")
  }

  /// Throws unless the dataset has classes.
  func requireClassification(_ what: String) throws(DataError) {
    try require(
      task != .regression, "\(what) needs classes, but \(name) is a regression dataset")
  }
}

extension Array where Element == Float {
  /// Makes the array `count` long, keeping its storage: values already there stay, new ones are
  /// zero (a batch's arrays keep their size from one batch to the next, so this rarely writes).
  @usableFromInline
  mutating func resize(to count: Int) {
    if self.count > count {
      removeLast(self.count - count)
    } else if self.count < count {
      append(contentsOf: repeatElement(0, count: count - self.count))
    }
  }
}
