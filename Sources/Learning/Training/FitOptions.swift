import Datasets

/// How `fit` trains: epochs, batch size, shuffling, validation, callbacks and reporting.
public struct FitOptions {
  /// The number of passes over the training data.
  public var epochs: Int
  /// The number of samples per step (the last batch of an epoch may be smaller).
  public var batchSize: Int
  /// Whether to visit the samples in a new seeded order each epoch (off: the data's order, for
  /// exact comparisons with another framework).
  public var shuffle: Bool
  /// The seed of the batch order; dropout masks and augmentation draw from generators seeded
  /// from it too (seed + 2 and seed + 1), so each stream is fixed on its own.
  public var seed: UInt64
  /// Data to evaluate after every epoch, if any.
  public var validation: Dataset?
  /// Metrics recorded after each epoch on the training data (by name) and the validation data
  /// (`val_` + name).
  public var metrics: [Metric]
  /// The learning-rate schedule, if any: before each step the optimizer's rate is set to the
  /// schedule's rate at the current step (per-step schedules) or epoch (per-epoch schedules),
  /// both counted from 0. A schedule that cycles momentum (one-cycle) also sets the optimizer's
  /// momentum (Adam's β₁), as PyTorch's `OneCycleLR` does.
  public var schedule: Schedule?
  /// Callbacks, run in order.
  public var callbacks: [any Callback]
  /// Augmentation applied to every training batch (never to validation data), drawn from its own
  /// generator seeded from `seed`; empty for none.
  public var augmentation: [Augmentation] = []
  /// Polled between steps; when it returns true, training stops after the current step.
  public var isCancelled: @Sendable () -> Bool
  /// Receives progress; the library itself prints nothing.
  public var progress: (TrainingProgress) -> Void

  /// Creates options; by default 10 epochs of 32 samples, shuffled with seed 0, and a stop with an
  /// explanation if the loss becomes NaN or infinite.
  public init(
    epochs: Int = 10, batchSize: Int = 32, shuffle: Bool = true, seed: UInt64 = 0,
    validation: Dataset? = nil, metrics: [Metric] = [], schedule: Schedule? = nil,
    callbacks: [any Callback] = [StopOnNonFinite()],
    isCancelled: @escaping @Sendable () -> Bool = { false },
    progress: @escaping (TrainingProgress) -> Void = { _ in }
  ) {
    self.epochs = epochs
    self.batchSize = batchSize
    self.shuffle = shuffle
    self.seed = seed
    self.validation = validation
    self.metrics = metrics
    self.schedule = schedule
    self.callbacks = callbacks
    self.isCancelled = isCancelled
    self.progress = progress
  }
}
