import Foundation
import Learning
import TestSupport
import Testing

// Expected rates: PyTorch 2.15, printed by References/schedules_reference.py.

private func rates(_ schedule: some LearningRateSchedule, count: Int) -> [Double] {
  (0..<count).map(schedule.learningRate(at:))
}

@Test func stepAndExponentialDecayMatchPyTorch() throws {
  let step = try StepDecay(initialRate: 0.1, stepSize: 3, gamma: 0.5)
  #expect(step.clock == .epoch)
  expectClose(
    rates(step, count: 10),
    [0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025, 0.0125], rtol: 1e-12)
  expectClose(
    rates(ExponentialDecay(initialRate: 0.1, gamma: 0.9), count: 10),
    [
      0.1, 0.09000000000000001, 0.08100000000000002, 0.07290000000000002, 0.06561000000000002,
      0.05904900000000002, 0.05314410000000002, 0.04782969000000002, 0.043046721000000024,
      0.03874204890000002,
    ], rtol: 1e-12)
  #expect(rates(ConstantRate(rate: 0.3), count: 3) == [0.3, 0.3, 0.3])
}

@Test func warmupCosineMatchesPyTorchLinearThenCosine() throws {
  let schedule = try WarmupCosine(
    peakRate: 0.1, warmupSteps: 5, totalSteps: 20, minimumRate: 0.001, warmupStartFactor: 0.1)
  #expect(schedule.clock == .step)
  expectClose(
    rates(schedule, count: 20),
    [
      0.010000000000000002, 0.028000000000000004, 0.046000000000000006, 0.064, 0.082, 0.1,
      0.09891830623632339, 0.09572050015330874, 0.0905463412215599, 0.08362196501476347,
      0.07525, 0.0657963412215599, 0.05567415893174885, 0.04532584106825117,
      0.03520365877844011, 0.025750000000000012, 0.017378034985236535, 0.010453658778440105,
      0.005279499846691251, 0.0020816937636766184,
    ], rtol: 1e-9)
  #expect(schedule.learningRate(at: 25) == 0.001)
}

@Test func oneCycleMatchesPyTorchRatesAndMomentum() throws {
  let schedule = try OneCycle(maxRate: 0.1, totalSteps: 20)
  expectClose(
    rates(schedule, count: 20),
    [
      0.0040000000000000036, 0.013167184270002533, 0.037167184270002526, 0.06683281572999747,
      0.09083281572999748, 0.1, 0.09874640062350874, 0.09504846320134738, 0.089091617757105,
      0.0811745653949763, 0.07169430017913009, 0.06112620219362893, 0.0500002,
      0.03887419780637107, 0.028306099820869922, 0.0188258346050237, 0.010908782242895003,
      0.004951936798652629, 0.0012539993764912555, 4e-07,
    ], rtol: 1e-9)
  expectClose(
    (0..<20).map(schedule.momentum(at:)),
    [
      0.95, 0.9404508497187474, 0.9154508497187474, 0.8845491502812526, 0.8595491502812526,
      0.85, 0.8512536043909088, 0.854951556604879, 0.8609084258765984, 0.8688255099070633,
      0.878305813044122, 0.8888739533021842, 0.8999999999999999, 0.9111260466978157,
      0.9216941869558779, 0.9311744900929366, 0.9390915741234015, 0.945048443395121,
      0.9487463956090911, 0.95,
    ], rtol: 1e-9)
}

/// The rate in use before each observation, as the PyTorch script records it.
private func plateauRates(_ reducer: PlateauSchedule, _ metrics: [Double]) -> [Double] {
  var reducer = reducer
  return metrics.map { metric in
    defer { reducer.observe(metric) }
    return reducer.rate
  }
}

@Test func reduceOnPlateauMatchesPyTorchWithThresholdAndCooldown() throws {
  let losses = [
    1.0, 0.9, 0.95, 0.9, 0.8999, 0.91, 0.7, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8,
  ]
  let reducer = try PlateauSchedule(
    initialRate: 0.1, factor: 0.1, patience: 2, cooldown: 1, minimumRate: 0.0005)
  expectClose(
    plateauRates(reducer, losses),
    Array(repeating: 0.1, count: 10) + Array(repeating: 0.01, count: 4) + [0.001, 0.001],
    rtol: 1e-12)
}

@Test func reduceOnPlateauDefaultsMatchPyTorchInMaxMode() throws {
  let reducer = try PlateauSchedule(initialRate: 0.1, mode: .max)
  expectClose(
    plateauRates(reducer, Array(repeating: 0.5, count: 25)),
    Array(repeating: 0.1, count: 12) + Array(repeating: 0.01, count: 11) + [0.001, 0.001],
    rtol: 1e-12)
}

@Test func reduceOnPlateauStopsAtTheMinimumAndResumesFromSavedState() throws {
  var reducer = try PlateauSchedule(initialRate: 0.1, patience: 0, minimumRate: 0.05)
  reducer.observe(1)
  let reducedOnce = reducer.observe(2)
  #expect(reducedOnce)
  #expect(reducer.rate == 0.05)
  let reducedAgain = reducer.observe(3)
  #expect(!reducedAgain)
  reducer.observe(0.5)
  let saved = try JSONEncoder().encode(reducer)
  var resumed = try JSONDecoder().decode(PlateauSchedule.self, from: saved)
  #expect(resumed == reducer)
  #expect(resumed.best == 0.5)
  let afterResume = (resumed.observe(.nan), resumed.observe(0.4), resumed.observe(0.6))
  let uninterrupted = (reducer.observe(.nan), reducer.observe(0.4), reducer.observe(0.6))
  #expect(afterResume == uninterrupted)
  #expect(resumed == reducer)
}

@Test func scheduleValuesRoundTripThroughJSON() throws {
  let schedules: [Schedule] = [
    .constant(ConstantRate(rate: 0.1)), .oneCycle(try OneCycle(maxRate: 0.1, totalSteps: 20)),
    .warmupCosine(try WarmupCosine(peakRate: 0.1, warmupSteps: 5, totalSteps: 20)),
  ]
  let decoded = try JSONDecoder().decode(
    [Schedule].self, from: try JSONEncoder().encode(schedules))
  #expect(decoded == schedules)
  #expect(decoded[1].learningRate(at: 5) == 0.1)
  #expect(decoded[1].clock == .step)
}

@Test func schedulesRejectSettingsTheyCannotUse() {
  #expect(throws: ScheduleError.self) { try StepDecay(initialRate: 0.1, stepSize: 0) }
  #expect(throws: ScheduleError.self) {
    try WarmupCosine(peakRate: 0.1, warmupSteps: 10, totalSteps: 10)
  }
  #expect(throws: ScheduleError.self) { try OneCycle(maxRate: 0.1, totalSteps: 1) }
  #expect(throws: ScheduleError.self) { try OneCycle(maxRate: 0.1, totalSteps: 9, pctStart: 1) }
  #expect(throws: ScheduleError.self) { try PlateauSchedule(initialRate: 0.1, factor: 1) }
}
