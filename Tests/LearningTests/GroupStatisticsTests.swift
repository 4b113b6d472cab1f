import Foundation
import Learning
import TestSupport
import Testing

// Expected values: NumPy and SciPy 1.17, printed by References/group_statistics_reference.py.

private let a = [0.2312, 0.2450, 0.2201, 0.2502, 0.2388]
private let b = [0.3512, 0.3000, 0.4100, 0.3377, 0.3581]
private let c = [0.241, 0.236, 0.252, 0.229]

@Test func spreadsMatchNumPy() throws {
  let first = try #require(Spread(a))
  expectClose(first.mean, 0.23705999999999997, rtol: 1e-12)
  expectClose(first.standardDeviation, 0.011839679049704007, rtol: 1e-12)
  #expect(first.minimum == 0.2201 && first.maximum == 0.2502)
  let second = try #require(Spread(b))
  expectClose(second.mean, 0.35139999999999993, rtol: 1e-12)
  expectClose(second.standardDeviation, 0.039713159028211285, rtol: 1e-12)
  let third = try #require(Spread(c))
  expectClose(third.standardDeviation, 0.009678154093971983, rtol: 1e-12)
}

@Test func aSpreadLeavesOutValuesThatAreNotFinite() throws {
  let spread = try #require(Spread([1, .nan, 3, .infinity]))
  #expect(spread.count == 2 && spread.notFinite == 2)
  #expect(spread.mean == 2)
  #expect(Spread([.nan]) == nil)
  #expect(Spread([5])?.standardDeviation == 0)
}

@Test(arguments: [
  (a, b, -6.169620647013717, 0.0020188774546565625, 4.705478156628011),
  (a, c, -0.3401633895820596, 0.7437409275910395, 6.979919993680207),
  ([1.0, 2.0], [0.5, 4.0, 9.0], -1.1920791213585396, 0.34768966344716845, 2.1604638114830745),
  (b, a, 6.169620647013717, 0.0020188774546565625, 4.705478156628011),
])
func welchTestMatchesSciPy(
  first: [Double], second: [Double], t: Double, p: Double, freedom: Double
) throws {
  let test = try #require(try welch(first, second))
  expectClose(test.t, t, rtol: 1e-10)
  expectClose(try #require(test.degreesOfFreedom), freedom, rtol: 1e-10)
  expectClose(test.p, p, rtol: 1e-8)
}

@Test func welchTestWithoutSpreadIsCertainOrEmpty() throws {
  let same = try #require(try welch([2, 2], [2, 2]))
  #expect(same.p == 1 && same.t == 0)
  let apart = try #require(try welch([1, 1], [3, 3]))
  #expect(apart.p == 0 && apart.t == -.infinity)
  #expect(try welch([1], [1, 2]) == nil)
}

/// Welch's test of the spreads of `first` and `second`.
private func welch(_ first: [Double], _ second: [Double]) throws -> WelchTest? {
  let a = try #require(Spread(first))
  let b = try #require(Spread(second))
  return WelchTest(a, b)
}

/// A group of runs whose last `val_loss` values are `finals`, one per seed from 1.
private func group(_ finals: [Double], seeds: [UInt64]? = nil) -> RunGroup {
  let runs = finals.enumerated().map { index, value in
    RunRecord(
      id: "run-\(index)", name: "run \(index)", created: Date(timeIntervalSince1970: 0),
      history: ["loss": [1, value], "val_loss": [1.2, value]],
      finalMetrics: ["loss": value, "val_loss": value])
  }
  return RunGroup(seeds: seeds ?? finals.indices.map { UInt64($0 + 1) }, runs: runs)
}

@Test func identicalGroupsShowNoDifference() throws {
  let difference = try #require(GroupDifference(group(a), group(a), metric: "val_loss"))
  #expect(difference.difference == 0)
  #expect(difference.verdict == .noise)
  #expect(difference.test?.p == 1)
}

@Test func groupsApartByManySpreadsDifferForReal() throws {
  let difference = try #require(GroupDifference(group(b), group(a), metric: "val_loss"))
  #expect(!difference.firstIsBetter)
  #expect(difference.verdict == .real)
  #expect(difference.seedWins?.won == 5 && difference.seedWins?.of == 5)
  expectClose(difference.difference, 0.35139999999999993 - 0.23705999999999997, rtol: 1e-12)
  #expect(difference.differenceInSpreads > 3)
}

@Test func overlappingGroupsAreWithinSeedNoise() throws {
  let difference = try #require(
    GroupDifference(group(a), group(c, seeds: [7, 8, 9, 10]), metric: "val_loss"))
  #expect(difference.verdict == .noise)
  #expect(difference.seedWins == nil)
}

@Test func scoresAreBetterHigher() throws {
  var high = group([0.9, 0.91, 0.92])
  var low = group([0.5, 0.52, 0.51])
  for index in high.runs.indices {
    high.runs[index].finalMetrics["accuracy"] = 0.9 + 0.01 * Double(index)
  }
  for index in low.runs.indices {
    low.runs[index].finalMetrics["accuracy"] = 0.5 + 0.01 * Double(index)
  }
  let difference = try #require(GroupDifference(low, high, metric: "accuracy"))
  #expect(!difference.lowerIsBetter && !difference.firstIsBetter)
  #expect(difference.verdict == .real)
}

@Test func epochSpreadsFollowTheLongestRun() throws {
  var runs = group([0.2, 0.4])
  runs.runs[0].history["val_loss"] = [1.0, 0.5, 0.2]
  let spreads = runs.epochSpreads("val_loss")
  #expect(spreads.count == 3)
  expectClose(try #require(spreads[0]?.mean), 1.1)
  #expect(spreads[2]?.count == 1 && spreads[2]?.mean == 0.2)
}
