import Datasets
import TestSupport
import Testing

/// Reference numbers from References/make_preprocessing.py.
@Suite struct PreprocessingTests {
  let train = Dataset(
    name: "train", features: [1, 10, 5, 2, 20, 5, 4, 40, 5, 5, 10, 5], featureCount: 3,
    targets: [0, 1, 0, 1], task: .binary, provenance: .bundled(name: "toy"))
  let test = Dataset(
    name: "test", features: [3, 0, 6, 10, 30, 4], featureCount: 3, targets: [0, 1],
    task: .binary, provenance: .bundled(name: "toy"))

  @Test func standardiserLearnsFromTrainOnlyAndAppliesToTest() throws {
    let standardizer = try Standardizer(fittedOn: train)
    expectClose(standardizer.means, [3, 20, 5])
    expectClose(standardizer.deviations, [1.5811388300841898, 12.24744871391589, 1])
    let scaled = try standardizer.apply(to: test)
    expectClose(
      scaled.features,
      [0.0, -1.632993161855452, 1.0, 4.427188724235731, 0.816496580927726, -1.0])
    #expect(scaled.targets == test.targets)
    #expect(scaled.provenance == .derived(from: .bundled(name: "toy"), how: "standardised"))
    // Fitted on all the data instead, the statistics would differ: that is the leakage.
    let everything = Dataset(
      name: "all", features: train.features + test.features, featureCount: 3,
      targets: train.targets + test.targets, task: .binary, provenance: .bundled(name: "toy"))
    #expect(try Standardizer(fittedOn: everything).means != standardizer.means)
    // The training part itself comes out with mean 0 and deviation 1 per feature.
    let trained = try standardizer.apply(to: train)
    let again = try Standardizer(fittedOn: trained)
    expectClose(again.means, [0, 0, 0], atol: 1e-6)
    expectClose(again.deviations, [1, 1, 1])
  }

  @Test func minMaxScalerLearnsFromTrainOnly() throws {
    let scaler = try MinMaxScaler(fittedOn: train)
    #expect(scaler.minimums == [1, 10, 5] && scaler.maximums == [5, 40, 5])
    expectClose(
      try scaler.apply(to: test).features,
      [0.5, -0.3333333333333333, 1.0, 2.25, 0.6666666666666666, -1.0])
    let symmetric = try MinMaxScaler(fittedOn: train, range: -1...1)
    expectClose(
      try symmetric.apply(to: test).features,
      [0.0, -1.6666666666666665, 1.0, 3.5, 0.33333333333333326, -3.0], atol: 1e-6)
  }

  @Test func polynomialFeaturesFollowScikitLearnsOrder() throws {
    let features = try PolynomialFeatures(degree: 3, featureCount: 2)
    #expect(
      features.products == [
        [0], [1], [0, 0], [0, 1], [1, 1], [0, 0, 0], [0, 0, 1], [0, 1, 1], [1, 1, 1],
      ])
    let point = Dataset(
      name: "p", features: [2, 3, 1, -1], featureCount: 2, targets: [0, 0],
      featureNames: ["x", "y"],
      task: .regression, provenance: .bundled(name: "p"))
    let expanded = try features.apply(to: point)
    #expect(expanded.featureCount == 9)
    #expect(Array(expanded.features.prefix(9)) == [2, 3, 4, 6, 9, 8, 12, 18, 27])
    #expect(Array(expanded.features.suffix(9)) == [1, -1, 1, -1, 1, 1, -1, 1, -1])
    #expect(
      expanded.featureNames == ["x", "y", "x^2", "x y", "y^2", "x^3", "x^2 y", "x y^2", "y^3"])
  }

  @Test func transformsRejectMismatchedData() throws {
    let scaler = try Standardizer(fittedOn: train)
    let other = Dataset(
      name: "other", features: [1, 2], featureCount: 2, targets: [0], task: .binary,
      provenance: .bundled(name: "other"))
    #expect {
      try scaler.apply(to: other)
    } throws: { error in
      (error as? DataError)?.message == "this transform was fitted on 3 features, but other has 2"
    }
    #expect {
      try PolynomialFeatures(degree: 5, featureCount: 64)
    } throws: { error in
      (error as? DataError)?.message == "degree 5 of 64 features makes more than 10000 features"
    }
    #expect(throws: DataError.self) { try PolynomialFeatures(degree: 0, featureCount: 2) }
  }
}
