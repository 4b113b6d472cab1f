import Datasets
import Foundation
import Language
import Testing

/// The data built-ins: generators, loaders, splits, scalers and subsets, through the language.
struct DataBuiltinTests {
  @Test func moonsPrintsAsTheIssueShowsAndDisplaysAPreview() {
    let session = Session()
    #expect(
      outputs("data = moons(n: 400, noise: 0.25, seed: 1)", in: session)
        == "data: 400 samples × 2 features, binary (moons, noise 0.25, seed 1)")
    let display = outputs("data", in: session).split(separator: "\n")
    #expect(display.first == "400 samples × 2 features, binary (moons, noise 0.25, seed 1)")
    #expect(display[1].split(separator: " ") == ["x", "y", "label"])
    #expect(display.count == 9)
    #expect(display[7] == "  … 395 more rows")
    #expect(display[8] == "classes: 0 200, 1 200")
  }

  @Test func generatorsMatchTheLibraryWithTheSameKnobs() throws {
    let session = Session()
    _ = session.run(
      """
      a = circles(n: 50, noise: 0.05, factor: 0.3, seed: 2)
      b = spirals(n: 60, arms: 3, turns: 2, seed: 3)
      c = blobs(n: 40, centers: 4, noise: 0.2, radius: 3, seed: 4)
      d = xor(n: 30, noise: 0, seed: 5)
      e = polynomial(n: 20, coefficients: [1, 2], interval: [0, 2], seed: 6)
      f = sine(n: 25, cycles: 2, seed: 7)
      """, origin: nil)
    #expect(
      dataset("a", in: session)
        == (try Dataset.circles(count: 50, noise: 0.05, factor: 0.3, seed: 2)))
    #expect(
      dataset("b", in: session) == (try Dataset.spirals(count: 60, arms: 3, turns: 2, seed: 3)))
    #expect(
      dataset("c", in: session)
        == (try Dataset.blobs(count: 40, centers: 4, noise: 0.2, radius: 3, seed: 4)))
    #expect(dataset("d", in: session) == (try Dataset.xor(count: 30, noise: 0, seed: 5)))
    #expect(
      dataset("e", in: session)
        == (try Dataset.polynomial(count: 20, coefficients: [1, 2], interval: 0...2, seed: 6)))
    #expect(dataset("f", in: session) == (try Dataset.sine(count: 25, cycles: 2, seed: 7)))
  }

  @Test func linearWithoutNoiseFollowsItsFormula() throws {
    let session = Session()
    _ = session.run(
      "d = linear(n: 50, weights: [2, -1], bias: 0.5, noise: 0, seed: 1)", origin: nil)
    let data = try #require(dataset("d", in: session))
    #expect(data.featureCount == 2 && data.count == 50)
    for row in 0..<data.count {
      let expected = 2 * data.features[2 * row] - data.features[2 * row + 1] + 0.5
      #expect(abs(data.targets[row] - expected) < 1e-5)
    }
  }

  @Test func withoutASeedGeneratorsDrawFromTheSessionSeed() {
    func summaries() -> String {
      let session = Session()
      return outputs("seed(5)\na = moons()\nb = moons()", in: session)
    }
    let first = summaries()
    #expect(first == summaries())
    let lines = first.split(separator: "\n")
    #expect(lines.count == 2 && lines[0].dropFirst(3) != lines[1].dropFirst(3))
  }

  @Test func generatorMistakesPointAtTheArgument() {
    #expect(
      firstDiagnostic("moons(n: 0)")?.hasPrefix(
        "line 1, column 7: `n` must be at least 1 sample, got 0") == true)
    #expect(firstDiagnostic("moons(noise: -0.5)")?.contains("hint: noise 0 gives") == true)
    #expect(
      firstDiagnostic("circles(factor: 2)")?.hasPrefix(
        "line 1, column 1: circles needs a factor between 0 and 1, got 2.0") == true)
    #expect(
      firstDiagnostic("sine(interval: [1, 0])")?.hasPrefix(
        "line 1, column 6: `interval` must be two finite numbers [low, high]") == true)
    #expect(
      firstDiagnostic("moons(seed: -3)")?.hasPrefix(
        "line 1, column 7: a seed cannot be negative, got -3") == true)
    #expect(
      firstDiagnostic("moons(sead: 1)")?.hasPrefix(
        "line 1, column 7: `moons` has no argument `sead`; did you mean `seed`?") == true)
  }

  @Test func loadReadsBundledSetsAndSuggestsNames() {
    let session = Session()
    #expect(
      outputs("iris = load(\"iris\")", in: session)
        == "iris: 150 samples × 4 features, 3 classes (iris)")
    #expect(
      outputs("iris.class_names", in: session) == "[\"setosa\", \"versicolor\", \"virginica\"]")
    #expect(outputs("iris.class_counts", in: session) == "[50, 50, 50]")
    #expect(outputs("iris.task", in: session) == "\"multiclass\"")
    #expect(outputs("iris.features", in: session) == "4")
    #expect(
      firstDiagnostic("load(\"wnie\")") == """
        line 1, column 6: there is no bundled dataset "wnie"; did you mean `wine`?
          load("wnie")
               ^~~~~~
          hint: the bundled datasets are iris, wine, breast_cancer, digits, diabetes
        """)
    #expect(
      firstDiagnostic("load(\"spirals\")")?.contains("hint: call it: spirals(n: 200)") == true)
  }

  @Test func datasetFieldsAndElements() throws {
    let session = Session()
    _ = session.run("d = moons(n: 10, noise: 0, seed: 1)", origin: nil)
    let data = try #require(dataset("d", in: session))
    #expect(outputs("d.samples", in: session) == "10")
    #expect(outputs("d.feature_names", in: session) == "[\"x\", \"y\"]")
    #expect(outputs("len(d)", in: session) == "10")
    let first =
      "[[\(Value.number(Double(data.features[0])).summary), "
      + "\(Value.number(Double(data.features[1])).summary)], \(Int(data.targets[0]))]"
    #expect(outputs("d[0]", in: session) == first)
    #expect(outputs("d.y.shape", in: session) == "[10]")
    #expect(outputs("d.source", in: session) == "\"moons, noise 0, seed 1\"")
    #expect(firstDiagnostic("d.sample", in: session)?.contains("did you mean `samples`?") == true)
  }

  @Test func splitReturnsPartsForDestructuring() throws {
    let session = Session()
    let echo = outputs(
      "data = moons(n: 400, noise: 0.25, seed: 1)\n"
        + "train, val, test = split(data, [0.6, 0.2, 0.2], seed: 1, stratify: true)", in: session)
    #expect(echo.contains("train: 240 samples × 2 features"))
    #expect(echo.contains("val: 80 samples") && echo.contains("test: 80 samples"))
    #expect(dataset("train", in: session)?.classCounts == [120, 120])
    #expect(outputs("len(split(data))", in: session) == "2")
    #expect(
      firstDiagnostic("split(moons(), [0.5, 0.6])")?.hasPrefix(
        "line 1, column 16: the split fractions add up to 1.1, not 1") == true)
    #expect(
      firstDiagnostic("split(moons(), [0.2, 0.2, 0.2, 0.4])")?.hasPrefix(
        "line 1, column 16: give 2 or 3 fractions, got 4") == true)
    #expect(firstDiagnostic("split(sine(), stratify: true)")?.contains("needs classes") == true)
  }

  @Test func kfoldGivesDisjointValidationPartsCoveringTheData() throws {
    let session = Session()
    #expect(
      outputs(
        """
        folds = kfold(moons(n: 100, seed: 1), k: 4, seed: 2)
        total = 0
        for fold in folds {
          train, val = fold
          total = total + val.samples
          expect train.samples + val.samples == 100
        }
        print(len(folds), total)
        """, in: session
      ).hasSuffix("4 100"))
    #expect(
      firstDiagnostic("kfold(moons(n: 10), k: 20)")?.hasPrefix(
        "line 1, column 21: k-fold needs between 2 and 10 folds for 10 samples, got 20") == true)
  }

  @Test func standardizeFitsOnTheFirstAndAppliesToAll() throws {
    let session = Session()
    _ = session.run(
      "train, val = split(moons(n: 200, seed: 1), seed: 2)\ns, v = standardize(train, val)",
      origin: nil)
    let train = try #require(dataset("train", in: session))
    let val = try #require(dataset("val", in: session))
    let scaledVal = try #require(dataset("v", in: session))
    for feature in 0..<2 {
      let column = stride(from: feature, to: train.features.count, by: 2).map {
        Double(train.features[$0])
      }
      let mean = column.reduce(0, +) / Double(column.count)
      let deviation =
        (column.map { ($0 - mean) * ($0 - mean) }.reduce(0, +)
        / Double(column.count)).squareRoot()
      let expected = (Double(val.features[feature]) - mean) / deviation
      #expect(abs(Double(scaledVal.features[feature]) - expected) < 1e-4)
    }
    _ = session.run("m = s.x.mean", origin: nil)
    #expect(abs(try #require(number("m", in: session))) < 1e-6)
    #expect(outputs("help(standardize)", in: session).contains("leak"))
  }

  @Test func minmaxMapsTheFirstDatasetOntoTheRange() throws {
    let session = Session()
    _ = session.run(
      "a = minmax(load(\"iris\"), range: [-1, 1])\nlo = a.x.min\nhi = a.x.max", origin: nil)
    #expect(number("lo", in: session) == -1)
    #expect(abs((number("hi", in: session) ?? 0) - 1) < 1e-6)
    #expect(
      firstDiagnostic("minmax(moons(), range: [1, 0])")?.hasPrefix(
        "line 1, column 17: `range` must be two numbers [low, high]") == true)
  }

  @Test func polynomialFeaturesNamesTheProducts() {
    let session = Session()
    #expect(
      outputs("polynomial_features(moons(n: 5, seed: 1), degree: 2).feature_names", in: session)
        == "[\"x\", \"y\", \"x^2\", \"x y\", \"y^2\"]")
    #expect(
      firstDiagnostic("polynomial_features(moons(), degree: 30)")?.hasPrefix(
        "line 1, column 30: the polynomial degree must be between 1 and 20, got 30") == true)
  }

  @Test func keepClassesByNumberOrName() {
    let session = Session()
    #expect(
      outputs("keep_classes(load(\"iris\"), [\"virginica\", 0]).class_names", in: session)
        == "[\"virginica\", \"setosa\"]")
    #expect(outputs("keep_classes(load(\"digits\"), [5, 6, 7]).samples", in: session) == "542")
    #expect(
      firstDiagnostic("keep_classes(load(\"iris\"), [\"setosa\", \"virginca\"])")?.contains(
        "there is no class \"virginca\"; did you mean `virginica`?") == true)
    #expect(
      firstDiagnostic("keep_classes(load(\"iris\"), [7])")?.contains(
        "there is no class 7; iris has classes 0 to 2") == true)
  }

  @Test func takeBySampleCountOrPerClass() {
    let session = Session()
    #expect(
      outputs("take(load(\"digits\"), per_class: 10, seed: 1).class_counts", in: session)
        == "[10, 10, 10, 10, 10, 10, 10, 10, 10, 10]")
    #expect(outputs("take(moons(n: 50), n: 7, seed: 1).samples", in: session) == "7")
    #expect(
      firstDiagnostic("take(moons(n: 50), n: 70)")?.hasPrefix(
        "line 1, column 20: cannot take 70 samples from 50") == true)
    #expect(
      firstDiagnostic("take(moons(n: 50))")?.hasPrefix(
        "line 1, column 1: give either n: or per_class:") == true)
  }

  @Test func augmentRecordsTheStepsForTraining() throws {
    let session = Session()
    #expect(
      outputs("a = augment(load(\"digits\"), shift: 1, rotate: 10, noise: 0.1)", in: session)
        .hasSuffix("10 classes (digits), augmented"))
    guard case .host(let object as DatasetObject) = session.value(of: "a") else {
      Issue.record("not a dataset")
      return
    }
    #expect(
      object.augmentation == [
        .gaussianNoise(deviation: 0.1), .shift(pixels: 1, width: 8, height: 8),
        .rotation(degrees: 10, width: 8, height: 8),
      ])
    #expect(
      firstDiagnostic("augment(load(\"wine\"), shift: 1)")?.hasPrefix(
        "line 1, column 23: 13 features are not a square image") == true)
    #expect(firstDiagnostic("augment(moons())")?.contains("nothing to augment with") == true)
  }
}
