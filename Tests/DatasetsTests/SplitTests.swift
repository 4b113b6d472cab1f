import Datasets
import Testing

/// A dataset of `counts[c]` samples of class `c`, sample `i` having the single feature `i`.
private func classes(_ counts: [Int]) -> Dataset {
  let targets = counts.enumerated().flatMap { label, size in
    [Float](repeating: Float(label), count: size)
  }
  return Dataset(
    name: "toy", features: targets.indices.map(Float.init), featureCount: 1, targets: targets,
    task: counts.count == 2 ? .binary : .multiclass(classes: counts.count),
    provenance: .bundled(name: "toy"))
}

/// Expects `make` to throw an `.invalidArgument` error whose message starts with `message`.
private func expectInvalid(
  _ message: String, sourceLocation: SourceLocation = #_sourceLocation,
  _ make: () throws -> Void
) {
  #expect(sourceLocation: sourceLocation) {
    try make()
  } throws: { error in
    (error as? DataError)?.kind == .invalidArgument
      && (error as? DataError)?.message.hasPrefix(message) == true
  }
}

@Suite struct SplitTests {
  @Test func partsHaveTheirFractionsAndShareNoSample() throws {
    let data = classes([60, 40])
    let parts = try data.splitIndices(train: 0.7, validation: 0.1, seed: 3)
    #expect(parts.train.count == 70 && parts.validation.count == 10 && parts.test.count == 20)
    #expect((parts.train + parts.validation + parts.test).sorted() == Array(0..<100))
    #expect(parts.train != parts.train.sorted())
    let split = try data.split(train: 0.7, validation: 0.1, seed: 3)
    #expect(split.train.features == parts.train.map(Float.init))
    #expect(split.test.features == parts.test.map(Float.init))
    #expect(
      split.train.provenance == .derived(from: .bundled(name: "toy"), how: "train part, seed 3"))
    #expect(split.validation.name == "toy validation")
    #expect(split.test.summary == "20 samples × 1 feature, binary (toy; test part, seed 3)")
  }

  @Test func sameSeedSameSplitDifferentSeedDifferentSplit() throws {
    let data = classes([50, 50])
    #expect(try data.splitIndices(train: 0.8, seed: 1) == data.splitIndices(train: 0.8, seed: 1))
    #expect(try data.splitIndices(train: 0.8, seed: 1) != data.splitIndices(train: 0.8, seed: 2))
    let unshuffled = try data.splitIndices(train: 0.8, shuffled: false)
    #expect(unshuffled.train == Array(0..<80) && unshuffled.test == Array(80..<100))
  }

  @Test func stratifiedPartsKeepTheClassProportions() throws {
    let data = classes([90, 30, 60])
    for seed in UInt64(0)..<5 {
      let split = try data.split(
        train: 0.6, validation: 0.2, test: 0.2, seed: seed, stratified: true)
      #expect(split.train.classCounts == [54, 18, 36])
      #expect(split.validation.classCounts == [18, 6, 12])
      #expect(split.test.classCounts == [18, 6, 12])
    }
    // An unstratified split of the same data drifts away from the proportions for some seed.
    let drifts = try (UInt64(0)..<5).contains { seed in
      try data.split(train: 0.6, validation: 0.2, seed: seed).train.classCounts != [54, 18, 36]
    }
    #expect(drifts)
  }

  @Test func badFractionsAreExplained() {
    let data = classes([5, 5])
    expectInvalid("the split fractions add up to 1.2, not 1") {
      _ = try data.split(train: 0.8, validation: 0.2, test: 0.2)
    }
    expectInvalid("the validation fraction must be between 0 and 1, got -0.1") {
      _ = try data.split(train: 0.8, validation: -0.1)
    }
    expectInvalid("the test fraction must be between 0 and 1, got -0.2") {
      _ = try data.split(train: 0.9, validation: 0.3)
    }
    expectInvalid("the train fraction must be more than 0") {
      _ = try data.split(train: 0, validation: 0.5)
    }
    expectInvalid("the train part would be empty: 0.01 of 10 samples rounds to 0") {
      _ = try data.split(train: 0.01)
    }
    let regression = Dataset(
      name: "r", features: [1, 2], featureCount: 1, targets: [1, 2], task: .regression,
      provenance: .bundled(name: "r"))
    expectInvalid("a stratified split needs classes, but r is a regression dataset") {
      _ = try regression.split(train: 0.5, stratified: true)
    }
  }
}

@Suite struct KFoldTests {
  @Test(arguments: [false, true])
  func foldsAreDisjointAndCoverEverySample(stratified: Bool) throws {
    let data = classes([23, 17, 12])
    let folds = try data.kFolds(5, seed: 9, stratified: stratified)
    #expect(folds.count == 5)
    let held = folds.flatMap(\.validation)
    #expect(held.sorted() == Array(0..<52))
    for fold in folds {
      #expect(Set(fold.train).isDisjoint(with: fold.validation))
      #expect((fold.train + fold.validation).sorted() == Array(0..<52))
    }
    let sizes = folds.map(\.validation.count)
    #expect(sizes.max()! - sizes.min()! <= 1)
  }

  @Test func stratifiedFoldsKeepTheClassProportions() throws {
    let data = classes([50, 25, 100])
    let folds = try data.kFolds(5, seed: 4, stratified: true)
    for fold in folds {
      #expect(data.subset(fold.validation, how: "fold").classCounts == [10, 5, 20])
    }
  }

  @Test func sameSeedSameFoldsDifferentSeedDifferentFolds() throws {
    let data = classes([20, 20])
    #expect(try data.kFolds(4, seed: 1) == data.kFolds(4, seed: 1))
    #expect(try data.kFolds(4, seed: 1) != data.kFolds(4, seed: 2))
  }

  @Test func badFoldCountsAreExplained() {
    expectInvalid("k-fold needs between 2 and 10 folds for 10 samples, got 11") {
      _ = try classes([5, 5]).kFolds(11)
    }
    expectInvalid("k-fold needs between 2 and 10 folds for 10 samples, got 1") {
      _ = try classes([5, 5]).kFolds(1)
    }
  }
}

@Suite struct SubsetTests {
  @Test func keepsChosenClassesAndRelabelsThem() throws {
    let digits = try BundledDataset.digits.load()
    let high = try digits.keepingClasses([5, 6, 7, 8, 9])
    #expect(high.classNames == ["5", "6", "7", "8", "9"])
    #expect(high.task == .multiclass(classes: 5))
    #expect(high.classCounts == [182, 181, 179, 174, 180])
    let low = try digits.keepingClasses(Array(0...4))
    #expect(low.classCounts == [178, 182, 177, 183, 181])
    #expect(low.count + high.count == digits.count)
    // The features travel with their labels: the first 5 in `high` is the first 5 in `digits`.
    let firstFive = digits.targets.firstIndex(of: 5)!
    let firstInHigh = high.targets.firstIndex(of: 0)!
    #expect(
      high.features[firstInHigh * 64..<(firstInHigh + 1) * 64]
        == digits.features[firstFive * 64..<(firstFive + 1) * 64])
  }

  @Test func limitsSamplesPerClassWithASeed() throws {
    let data = classes([30, 5, 12])
    let few = try data.limitingSamples(perClass: 10, seed: 2)
    #expect(few.classCounts == [10, 5, 10])
    #expect(few.features == few.features.sorted())
    #expect(try data.limitingSamples(perClass: 10, seed: 2) == few)
    #expect(try data.limitingSamples(perClass: 10, seed: 3).features != few.features)
  }

  @Test func keepingClassesThatDoNotExistIsRefused() throws {
    let data = classes([2, 3, 1])
    expectInvalid("there is no class 3; toy has classes 0 to 2") {
      _ = try data.keepingClasses([0, 3])
    }
  }
}
