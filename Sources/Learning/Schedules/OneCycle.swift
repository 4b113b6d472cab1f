import Foundation

/// The one-cycle policy, per step, as PyTorch's `OneCycleLR` with its defaults
/// (`anneal_strategy="cos"`, `three_phase=False`, `cycle_momentum=True`).
///
/// The rate rises from `η₀ = maxRate / divFactor` to `maxRate` over the first
/// `p = pctStart · totalSteps − 1` steps, then falls to `η₀ / finalDivFactor` at step
/// `totalSteps − 1`, each phase along `anneal(a, b, f) = b + (a − b) · (cos(π f) + 1) / 2`
/// where `f` is the fraction of the phase done. Momentum moves the opposite way, between
/// `maxMomentum` and `baseMomentum`. Smith & Topin, "Super-Convergence" (2018).
public struct OneCycle: LearningRateSchedule, Codable, Equatable {
  /// The peak rate.
  public var maxRate: Double
  /// Steps in the cycle; steps past it keep the final rate.
  public var totalSteps: Int
  /// The fraction of the cycle spent rising.
  public var pctStart: Double
  /// `maxRate` over the starting rate.
  public var divFactor: Double
  /// The starting rate over the final rate.
  public var finalDivFactor: Double
  /// The momentum at the peak rate.
  public var baseMomentum: Double
  /// The momentum at the start and the end.
  public var maxMomentum: Double

  /// A one-cycle schedule peaking at `maxRate` over `totalSteps` steps, PyTorch's defaults.
  public init(
    maxRate: Double, totalSteps: Int, pctStart: Double = 0.3, divFactor: Double = 25,
    finalDivFactor: Double = 1e4, baseMomentum: Double = 0.85, maxMomentum: Double = 0.95
  ) throws(ScheduleError) {
    guard totalSteps > 1 else {
      throw ScheduleError("a one-cycle schedule needs at least 2 steps, got \(totalSteps)")
    }
    guard pctStart > 0, pctStart < 1 else {
      throw ScheduleError("a one-cycle schedule's pctStart must be in (0, 1), got \(pctStart)")
    }
    self.maxRate = maxRate
    self.totalSteps = totalSteps
    self.pctStart = pctStart
    self.divFactor = divFactor
    self.finalDivFactor = finalDivFactor
    self.baseMomentum = baseMomentum
    self.maxMomentum = maxMomentum
  }

  /// Per step.
  public var clock: ScheduleClock { .step }

  /// The rate of step `index`.
  public func learningRate(at index: Int) -> Double {
    let initialRate = maxRate / divFactor
    return interpolate(at: index, initialRate, maxRate, initialRate / finalDivFactor)
  }

  /// The momentum (SGD's, or Adam's β₁) of step `index`.
  public func momentum(at index: Int) -> Double {
    interpolate(at: index, maxMomentum, baseMomentum, maxMomentum)
  }

  /// `momentum(at:)`: one-cycle moves momentum against the rate.
  public func cycledMomentum(at index: Int) -> Double? { momentum(at: index) }

  /// "one-cycle to 0.1 over 1000 steps".
  public var description: String { "one-cycle to \(maxRate) over \(totalSteps) steps" }

  /// The value at `index` of the two cosine phases `start → peak → end`.
  private func interpolate(at index: Int, _ start: Double, _ peak: Double, _ end: Double) -> Double
  {
    let step = Double(min(max(index, 0), totalSteps - 1))
    let peakStep = pctStart * Double(totalSteps) - 1
    let lastStep = Double(totalSteps - 1)
    if step <= peakStep && peakStep > 0 {
      return anneal(start, peak, step / peakStep)
    }
    return anneal(peak, end, (step - peakStep) / (lastStep - peakStep))
  }

  /// `b + (a − b) · (cos(π f) + 1) / 2`: from `a` at `f = 0` to `b` at `f = 1`.
  private func anneal(_ from: Double, _ to: Double, _ fraction: Double) -> Double {
    to + (from - to) / 2 * (cos(.pi * fraction) + 1)
  }
}
