import Engine

/// One round of cross-validation: the samples to train on and the held-out fold to validate on.
public struct Fold: Sendable, Equatable {
  /// The indices of the training samples (every fold but this one), in ascending order.
  public var train: [Int]
  /// The indices of the held-out samples, in ascending order.
  public var validation: [Int]
}

extension Dataset {
  /// The `folds` rounds of k-fold cross-validation: the samples are shuffled with `seed` and dealt
  /// into `folds` groups whose sizes differ by at most one; round `k` validates on group `k` and
  /// trains on the rest. The validation groups are disjoint and together cover every sample once.
  ///
  /// With `stratified`, each class is dealt round-robin across the groups, continuing where the
  /// previous class stopped, so every group keeps the class proportions to within one sample per
  /// class (scikit-learn's `StratifiedKFold` has the same aim).
  public func kFolds(_ folds: Int, seed: UInt64 = 0, stratified: Bool = false) throws(DataError)
    -> [Fold]
  {
    try require(
      folds >= Dataset.fewestFolds && folds <= count,
      "k-fold needs between \(Dataset.fewestFolds) and \(count) folds for \(count) samples, got \(folds)",
      hint: "5 or 10 folds are usual")
    if stratified { try requireClassification("stratified k-fold") }
    var generator = RandomGenerator(seed: seed)
    var groups = [[Int]](repeating: [], count: folds)
    if stratified {
      var next = 0
      for var members in indicesByClass {
        generator.shuffle(&members)
        for index in members {
          groups[next].append(index)
          next = (next + 1) % folds
        }
      }
    } else {
      for (position, index) in generator.permutation(count).enumerated() {
        groups[position % folds].append(index)
      }
    }
    // Each sample's group, so each fold's training indices come out in order in one pass.
    var groupOf = [Int](repeating: 0, count: count)
    for (group, members) in groups.enumerated() {
      for index in members { groupOf[index] = group }
    }
    return try groups.indices.map { held throws(DataError) in
      try stopIfInterrupted()
      return Fold(
        train: groupOf.indices.filter { groupOf[$0] != held },
        validation: groups[held].sorted())
    }
  }
}
