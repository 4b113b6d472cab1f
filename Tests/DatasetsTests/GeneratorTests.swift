import Datasets
import Foundation
import Testing

/// The points of a 2-D dataset as (x, y, label).
private func points(_ data: Dataset) -> [(x: Double, y: Double, label: Int)] {
  (0..<data.count).map {
    (Double(data.features[2 * $0]), Double(data.features[2 * $0 + 1]), Int(data.targets[$0]))
  }
}

@Suite struct GeneratorTests {
  typealias Generator = @Sendable (UInt64) throws -> Dataset

  static let generators: [(String, Generator)] = [
    ("moons", { try Dataset.moons(count: 100, noise: 0.2, seed: $0) }),
    ("circles", { try Dataset.circles(count: 100, noise: 0.2, seed: $0) }),
    ("spirals", { try Dataset.spirals(count: 100, arms: 3, noise: 0.2, seed: $0) }),
    ("blobs", { try Dataset.blobs(count: 100, centers: 4, noise: 0.2, seed: $0) }),
    ("xor", { try Dataset.xor(count: 100, noise: 0.2, seed: $0) }),
    ("polynomial", { try Dataset.polynomial(count: 100, noise: 0.2, seed: $0) }),
    ("sine", { try Dataset.sine(count: 100, noise: 0.2, seed: $0) }),
    ("linear", { try Dataset.linear(count: 100, weights: [1, 2], noise: 0.2, seed: $0) }),
  ]

  @Test(arguments: generators)
  func sameSeedSameDataDifferentSeedDifferentData(name: String, make: Generator) throws {
    let first = try make(7)
    #expect(try make(7) == first)
    let other = try make(8)
    #expect(other.features != first.features)
    #expect(first.count == 100)
    #expect(first.name == name)
    guard case .generated(let generator, let parameters, let seed) = first.provenance else {
      Issue.record("provenance \(first.provenance) is not .generated")
      return
    }
    #expect(generator == name && seed == 7 && parameters["noise"] == "0.2")
  }

  @Test func moonsWithoutNoiseLieOnTheirArcs() throws {
    let data = try Dataset.moons(count: 101, noise: 0, seed: 1)
    #expect(data.classCounts == [50, 51])
    for (x, y, label) in points(data) {
      let (centerX, centerY) = label == 0 ? (0.0, 0.0) : (1.0, 0.5)
      #expect(abs(hypot(x - centerX, y - centerY) - 1) < 1e-5)
      #expect(label == 0 ? y >= -1e-6 : y <= 0.5 + 1e-6)
    }
  }

  @Test func circlesWithoutNoiseHaveTheirRadii() throws {
    let data = try Dataset.circles(count: 60, noise: 0, factor: 0.3, seed: 1)
    #expect(data.classCounts == [30, 30])
    for (x, y, label) in points(data) {
      #expect(abs(hypot(x, y) - (label == 0 ? 1 : 0.3)) < 1e-5)
    }
  }

  @Test func spiralsHaveOneClassPerArm() throws {
    let data = try Dataset.spirals(count: 301, arms: 3, noise: 0, turns: 0, seed: 2)
    #expect(data.task == .multiclass(classes: 3))
    #expect(data.classCounts == [101, 100, 100])
    // With no turns each arm is a ray at angle 2πk/3.
    for (x, y, label) in points(data) {
      let angle = 2 * Double.pi * Double(label) / 3
      #expect(abs(x * sin(angle) - y * cos(angle)) < 1e-5)
      #expect(x * cos(angle) + y * sin(angle) > 0)
    }
  }

  @Test func blobsGatherAroundTheirCentres() throws {
    let data = try Dataset.blobs(count: 3000, centers: 3, noise: 0.5, radius: 2, seed: 3)
    #expect(data.classCounts == [1000, 1000, 1000])
    for label in 0..<3 {
      let members = points(data).filter { $0.label == label }
      let meanX = members.map(\.x).reduce(0, +) / Double(members.count)
      let meanY = members.map(\.y).reduce(0, +) / Double(members.count)
      let angle = 2 * Double.pi * Double(label) / 3
      // The mean of 1000 draws of deviation 0.5 is within 4 standard errors (0.063) of the centre.
      #expect(abs(meanX - 2 * cos(angle)) < 0.07 && abs(meanY - 2 * sin(angle)) < 0.07)
      let spread = members.map { ($0.x - meanX) * ($0.x - meanX) }.reduce(0, +)
      #expect(abs((spread / Double(members.count)).squareRoot() - 0.5) < 0.05)
    }
  }

  @Test func xorLabelsDifferingSigns() throws {
    let data = try Dataset.xor(count: 400, noise: 0, seed: 4)
    for (x, y, label) in points(data) {
      #expect(label == ((x < 0) != (y < 0) ? 1 : 0))
      #expect(abs(x) <= 1 && abs(y) <= 1)
    }
    #expect(data.classCounts.allSatisfy { $0 > 150 })
  }

  @Test func regressionWithoutNoiseFollowsItsFunction() throws {
    let cubic = try Dataset.polynomial(
      count: 50, coefficients: [1, -2, 0, 3], interval: -2...2, noise: 0, seed: 5)
    for (x, y) in zip(cubic.features, cubic.targets) {
      let x = Double(x)
      #expect(abs(Double(y) - (1 - 2 * x + 3 * x * x * x)) < 1e-4)
      #expect((-2...2).contains(x))
    }
    let sine = try Dataset.sine(count: 50, cycles: 2, noise: 0, seed: 5)
    for (x, y) in zip(sine.features, sine.targets) {
      #expect(abs(Double(y) - sin(4 * Double.pi * Double(x))) < 1e-5)
    }
    let line = try Dataset.linear(count: 50, weights: [2, -1], bias: 3, noise: 0, seed: 5)
    #expect(line.featureCount == 2 && line.featureNames == ["x1", "x2"])
    for sample in 0..<line.count {
      let (a, b) = (line.features[2 * sample], line.features[2 * sample + 1])
      #expect(abs(line.targets[sample] - (2 * a - b + 3)) < 1e-5)
    }
  }

  @Test func noiseHasTheRequestedDeviation() throws {
    let data = try Dataset.linear(count: 20_000, weights: [1], bias: 0, noise: 0.3, seed: 6)
    let residuals = zip(data.features, data.targets).map { Double($1 - $0) }
    let deviation = (residuals.map { $0 * $0 }.reduce(0, +) / Double(residuals.count)).squareRoot()
    #expect(abs(deviation - 0.3) < 0.01)
  }

  @Test func summaryNamesTheGeneratorAndItsKnobs() throws {
    let moons = try Dataset.moons(count: 400, noise: 0.25, seed: 1)
    #expect(moons.summary == "400 samples × 2 features, binary (moons, noise 0.25, seed 1)")
    let spirals = try Dataset.spirals(count: 30, arms: 3, noise: 0, seed: 2)
    #expect(
      spirals.description
        == "30 samples × 2 features, 3 classes (spirals, arms 3, noise 0, turns 1, seed 2)")
    let sine = try Dataset.sine(count: 1, seed: 0)
    #expect(
      sine.summary
        == "1 sample × 1 feature, regression (sine, cycles 1, interval 0...1, noise 0.1, seed 0)")
  }

  @Test func badKnobsThrowClearErrors() {
    let cases: [(@Sendable () throws -> Dataset, String)] = [
      ({ try Dataset.moons(count: 0) }, "the number of samples must be between 1"),
      ({ try Dataset.moons(noise: -1) }, "the noise must be a deviation ≥ 0, got -1.0"),
      ({ try Dataset.circles(factor: 1.5) }, "circles needs a factor between 0 and 1, got 1.5"),
      ({ try Dataset.spirals(arms: 1) }, "spirals needs 2 to 100 arms, got 1"),
      ({ try Dataset.blobs(centers: 1) }, "blobs needs 2 to 1000 centers, got 1"),
      ({ try Dataset.polynomial(coefficients: []) }, "polynomial needs at least one coefficient"),
      ({ try Dataset.sine(interval: 0...Double.infinity) }, "the interval must have finite ends"),
    ]
    for (make, message) in cases {
      #expect {
        _ = try make()
      } throws: { error in
        (error as? DataError)?.kind == .invalidArgument
          && (error as? DataError)?.message.hasPrefix(message) == true
      }
    }
  }
}
