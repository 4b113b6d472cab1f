import Engine

/// A dataset cut into train, validation and test parts that share no sample.
public struct DatasetSplit: Sendable, Equatable {
  /// The part the model learns from (and the only one preprocessing is fitted on).
  public var train: Dataset
  /// The part for choosing hyperparameters and stopping early; may be empty.
  public var validation: Dataset
  /// The part looked at once, at the end; may be empty.
  public var test: Dataset
}

/// Which samples go to each part of a split, as indices into the dataset.
public struct SplitIndices: Sendable, Equatable {
  /// The indices of the training samples.
  public var train: [Int]
  /// The indices of the validation samples.
  public var validation: [Int]
  /// The indices of the test samples.
  public var test: [Int]
}

extension Dataset {
  /// Splits into train, validation and test parts by fraction, named `<name> train` and so on;
  /// the fractions must add up to 1 (`test` defaults to what is left).
  ///
  /// With `shuffled`, samples are shuffled with `seed` first; with `stratified`, each class is
  /// split by the same fractions, so every part keeps the class proportions (within one sample
  /// per class of rounding). Each part's size is its fraction of the count, rounded to the
  /// nearest whole sample; the test part takes what remains.
  public func split(
    train: Double, validation: Double = 0, test: Double? = nil, seed: UInt64 = 0,
    shuffled: Bool = true, stratified: Bool = false
  ) throws(DataError) -> DatasetSplit {
    let indices = try splitIndices(
      train: train, validation: validation, test: test, seed: seed, shuffled: shuffled,
      stratified: stratified)
    let how = "seed \(seed)" + (stratified ? ", stratified" : "")
    func part(_ indices: [Int], _ role: String) -> Dataset {
      var part = subset(indices, how: role + " part, " + how)
      part.name = name + " " + role
      return part
    }
    return DatasetSplit(
      train: part(indices.train, "train"), validation: part(indices.validation, "validation"),
      test: part(indices.test, "test"))
  }

  /// The indices `split(train:validation:test:seed:shuffled:stratified:)` puts in each part.
  public func splitIndices(
    train: Double, validation: Double = 0, test: Double? = nil, seed: UInt64 = 0,
    shuffled: Bool = true, stratified: Bool = false
  ) throws(DataError) -> SplitIndices {
    let test = test ?? 1 - train - validation
    try checkFractions(train: train, validation: validation, test: test)
    if stratified { try requireClassification("a stratified split") }
    var generator = RandomGenerator(seed: seed)
    let groups = stratified ? indicesByClass : [Array(0..<count)]
    var parts = SplitIndices(train: [], validation: [], test: [])
    for var group in groups {
      if shuffled { generator.shuffle(&group) }
      let trainSize = Int((train * Double(group.count)).rounded())
      let validationSize = min(
        Int((validation * Double(group.count)).rounded()), group.count - trainSize)
      parts.train += group[..<trainSize]
      parts.validation += group[trainSize..<trainSize + validationSize]
      parts.test += group[(trainSize + validationSize)...]
    }
    if stratified && shuffled {
      generator.shuffle(&parts.train)
      generator.shuffle(&parts.validation)
      generator.shuffle(&parts.test)
    }
    try require(
      !parts.train.isEmpty,
      "the train part would be empty: \(train) of \(count) samples rounds to 0",
      hint: "use a larger train fraction or more samples")
    return parts
  }
}

/// Checks that split fractions lie in [0, 1] and add up to 1.
private func checkFractions(train: Double, validation: Double, test: Double) throws(DataError) {
  let hint = "for example train: 0.7, validation: 0.15, test: 0.15"
  for (name, value) in [("train", train), ("validation", validation), ("test", test)] {
    try require(
      value.isFinite && value >= -1e-9 && value <= 1,
      "the \(name) fraction must be between 0 and 1, got \(value)", hint: hint)
  }
  try require(train > 0, "the train fraction must be more than 0", hint: hint)
  let total = train + validation + test
  try require(
    abs(total - 1) < 1e-9, "the split fractions add up to \(total), not 1", hint: hint)
}
