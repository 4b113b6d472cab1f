/// Any of the stateless schedules, as one `Codable` value to keep in a checkpoint or a run.
public enum Schedule: LearningRateSchedule, Codable, Equatable {
  /// A fixed rate.
  case constant(ConstantRate)
  /// Step decay, per epoch.
  case step(StepDecay)
  /// Exponential decay, per epoch.
  case exponential(ExponentialDecay)
  /// Linear warmup then cosine annealing, per step.
  case warmupCosine(WarmupCosine)
  /// The one-cycle policy, per step.
  case oneCycle(OneCycle)

  /// The schedule inside.
  public var schedule: any LearningRateSchedule {
    switch self {
    case .constant(let schedule): schedule
    case .step(let schedule): schedule
    case .exponential(let schedule): schedule
    case .warmupCosine(let schedule): schedule
    case .oneCycle(let schedule): schedule
    }
  }

  /// The inner schedule's clock.
  public var clock: ScheduleClock { schedule.clock }

  /// The inner schedule's rate at `index`.
  public func learningRate(at index: Int) -> Double { schedule.learningRate(at: index) }

  /// The inner schedule's momentum at `index`, if it cycles momentum.
  public func cycledMomentum(at index: Int) -> Double? { schedule.cycledMomentum(at: index) }

  /// The inner schedule's description.
  public var description: String { schedule.description }
}
