import Foundation

/// What a schedule's index counts: optimizer steps (batches) or epochs.
public enum ScheduleClock: String, Codable, Sendable {
  /// The index counts optimizer steps: advance it after every batch.
  case step
  /// The index counts epochs: advance it after every epoch.
  case epoch
}

/// A learning rate as a function of a step or epoch index, as PyTorch's `lr_scheduler`s compute
/// it: `learningRate(at: k)` is the rate in use after `k` calls of `scheduler.step()`, so index 0
/// is the first step (or epoch).
public protocol LearningRateSchedule: Sendable, CustomStringConvertible {
  /// Whether the index counts steps or epochs.
  var clock: ScheduleClock { get }
  /// The rate for the step or epoch `index` (0-based).
  func learningRate(at index: Int) -> Double
  /// The momentum for the step or epoch `index`, for a schedule that cycles it; nil otherwise.
  func cycledMomentum(at index: Int) -> Double?
}

extension LearningRateSchedule {
  /// None: most schedules leave momentum alone.
  public func cycledMomentum(at index: Int) -> Double? { nil }
}

/// One fixed rate: `lr(t) = rate`.
public struct ConstantRate: LearningRateSchedule, Codable, Equatable {
  /// The rate.
  public var rate: Double

  /// A schedule that always gives `rate`.
  public init(rate: Double) { self.rate = rate }

  /// Per epoch (any clock gives the same rates).
  public var clock: ScheduleClock { .epoch }

  /// `rate`.
  public func learningRate(at index: Int) -> Double { rate }

  /// "constant 0.01".
  public var description: String { "constant \(rate)" }
}

/// Step decay, per epoch: `lr(e) = initialRate · gamma^⌊e / stepSize⌋` (PyTorch's `StepLR`).
public struct StepDecay: LearningRateSchedule, Codable, Equatable {
  /// The rate of the first `stepSize` epochs.
  public var initialRate: Double
  /// How many epochs pass between decays.
  public var stepSize: Int
  /// The factor applied at each decay.
  public var gamma: Double

  /// A rate that starts at `initialRate` and is multiplied by `gamma` every `stepSize` epochs.
  public init(initialRate: Double, stepSize: Int, gamma: Double = 0.1) throws(ScheduleError) {
    guard stepSize > 0 else {
      throw ScheduleError("a step decay needs a positive step size, got \(stepSize)")
    }
    self.initialRate = initialRate
    self.stepSize = stepSize
    self.gamma = gamma
  }

  /// Per epoch.
  public var clock: ScheduleClock { .epoch }

  /// `initialRate · gamma^⌊index / stepSize⌋`.
  public func learningRate(at index: Int) -> Double {
    initialRate * pow(gamma, (Double(index) / Double(stepSize)).rounded(.down))
  }

  /// "step 0.1 × 0.5 every 10 epochs".
  public var description: String { "step \(initialRate) × \(gamma) every \(stepSize) epochs" }
}

/// Exponential decay, per epoch: `lr(e) = initialRate · gamma^e` (PyTorch's `ExponentialLR`).
public struct ExponentialDecay: LearningRateSchedule, Codable, Equatable {
  /// The rate of the first epoch.
  public var initialRate: Double
  /// The factor applied after every epoch.
  public var gamma: Double

  /// A rate that starts at `initialRate` and is multiplied by `gamma` after every epoch.
  public init(initialRate: Double, gamma: Double) {
    self.initialRate = initialRate
    self.gamma = gamma
  }

  /// Per epoch.
  public var clock: ScheduleClock { .epoch }

  /// `initialRate · gamma^index`.
  public func learningRate(at index: Int) -> Double { initialRate * pow(gamma, Double(index)) }

  /// "exponential 0.1 × 0.9 per epoch".
  public var description: String { "exponential \(initialRate) × \(gamma) per epoch" }
}

/// Settings a schedule cannot work with, and why.
public struct ScheduleError: Error, Equatable, CustomStringConvertible {
  /// What is wrong with the settings.
  public var description: String

  /// An error saying `description`.
  public init(_ description: String) { self.description = description }
}
