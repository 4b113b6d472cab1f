import Foundation

/// Cosine annealing after a linear warmup, per step.
///
/// With peak rate `η`, warmup `W` steps, `T` steps in all, minimum `η_min` and start factor `s`:
/// - `t < W`: `lr(t) = η · (s + (1 − s) · t / W)` (PyTorch's `LinearLR(start_factor: s,
///   total_iters: W)`);
/// - `W ≤ t < T`: `lr(t) = η_min + (η − η_min) · (1 + cos(π · (t − W) / (T − W))) / 2`
///   (`CosineAnnealingLR(T_max: T − W, eta_min: η_min)`, joined by `SequentialLR` at `W`);
/// - `t ≥ T`: `η_min` (where PyTorch's cosine would rise again).
///
/// Loshchilov & Hutter, "SGDR: Stochastic Gradient Descent with Warm Restarts" (2017); Goyal et
/// al., "Accurate, Large Minibatch SGD" (2017) for the warmup.
public struct WarmupCosine: LearningRateSchedule, Codable, Equatable {
  /// The rate at the end of the warmup, `η`.
  public var peakRate: Double
  /// Steps of linear warmup, `W`.
  public var warmupSteps: Int
  /// Steps of the whole schedule, `T`.
  public var totalSteps: Int
  /// The rate the cosine ends at, `η_min`.
  public var minimumRate: Double
  /// The fraction of the peak the warmup starts from, `s`.
  public var warmupStartFactor: Double

  /// A warmup over `warmupSteps` to `peakRate`, then a cosine down to `minimumRate` at
  /// `totalSteps`.
  public init(
    peakRate: Double, warmupSteps: Int, totalSteps: Int, minimumRate: Double = 0,
    warmupStartFactor: Double = 1.0 / 3
  ) throws(ScheduleError) {
    guard warmupSteps >= 0, totalSteps > warmupSteps else {
      throw ScheduleError(
        "warmup cosine needs 0 ≤ warmup steps < total steps, got \(warmupSteps) and \(totalSteps)")
    }
    self.peakRate = peakRate
    self.warmupSteps = warmupSteps
    self.totalSteps = totalSteps
    self.minimumRate = minimumRate
    self.warmupStartFactor = warmupStartFactor
  }

  /// Per step.
  public var clock: ScheduleClock { .step }

  /// The rate of step `index`.
  public func learningRate(at index: Int) -> Double {
    if index < warmupSteps {
      let progress = Double(index) / Double(warmupSteps)
      return peakRate * (warmupStartFactor + (1 - warmupStartFactor) * progress)
    }
    guard index < totalSteps else { return minimumRate }
    let progress = Double(index - warmupSteps) / Double(totalSteps - warmupSteps)
    return minimumRate + (peakRate - minimumRate) * (1 + cos(.pi * progress)) / 2
  }

  /// "warmup 100 steps to 0.1, cosine to 0 at step 1000".
  public var description: String {
    "warmup \(warmupSteps) steps to \(peakRate), cosine to \(minimumRate) at step \(totalSteps)"
  }
}
