import Datasets
import Engine
import Foundation
import Learning

/// Runs a trainer on data for the language: heads the fit with the run's name, streams a progress
/// line per epoch (about 20 of them stay on screen) and a bar per step to the session's live
/// display, stops cleanly on Ctrl-C, prints the summary and the time, and keeps the run (built by
/// `Trainer.fitRecordingRun`) in the session.
struct TrainingRun {
  /// The run's name.
  var name: String
  /// The learner's names for the model and data, as the call wrote them.
  var names: RunNames
  /// How the run is trained: data, validation data, model, optimizer, schedule.
  var route: RunRoute
  /// Whether the learner named the run (`name:`), rather than `fit` numbering it.
  var nameIsGiven = false

  /// Trains `trainer` on `data` and returns the run; inside a sweep's block, keeps the fit for
  /// the sweep to train and returns a stand-in.
  func start(_ trainer: Trainer, on data: Dataset, context: CallContext) throws -> Value {
    if let sweep = context.session.sweepInProgress {
      return .host(try sweep.add(self, trainer: trainer, data: data))
    }
    return .host(try train(trainer, on: data, context: context))
  }

  /// Trains `trainer` on `data` and returns the run (partial when interrupted).
  func train(_ trainer: Trainer, on data: Dataset, context: CallContext) throws -> RunObject {
    let clock = ContinuousClock()
    let started = clock.now
    let secondsSinceStart = {
      let elapsed = (clock.now - started).components
      return Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
    }
    let epochs = trainer.options.epochs
    let session = context.session
    let flag = session.cancellation
    let priorEpochs = trainer.history.epochs.count
    session.fitsInCell += 1
    let fit = session.fitsInCell
    let stop = session.stopsTrainingAt.flatMap { $0.fit == fit ? $0 : nil }
    nonisolated(unsafe) let watched = trainer
    trainer.options.isCancelled = {
      if let stop, stop.isReached(epoch: watched.epoch + 1, step: watched.batchIndex) {
        flag.cancel()  // the rest of the cell then sees Ctrl-C too, as it did when recorded
      }
      return flag.isCancelled
    }
    context.emit(.progress(heading(epochs: epochs - priorEpochs, samples: data.count) + "\n"))
    let showsStep = context.session.runs.onTrainingStep
    var tracker = TrainingBarTracker(
      epochs: epochs, samples: data.count, batchSize: trainer.options.batchSize)
    trainer.options.progress = { progress in
      switch progress {
      case .step(let epoch, let step, let steps, let loss):
        guard let showsStep else { return }
        showsStep(
          tracker.bar(
            epoch: epoch, step: step, steps: steps, loss: loss, elapsed: secondsSinceStart()))
      case .epoch(let record):
        let line = RunRecording.progressLine(record, epochs: epochs, elapsed: secondsSinceStart())
        context.emit(.progress(Self.stays(epoch: record.epoch, of: epochs) ? line + "\n" : line))
      }
    }
    let runs = context.session.runs
    let created = Date()
    let record = try libraryCall {
      try trainer.fitRecordingRun(
        data, name: name, id: runs.newID(createdAt: created), created: created, names: names)
    }
    let duration = secondsSinceStart()
    if trainer.history.stopReason == .cancelled {
      session.interruption = TrainingStop(
        fit: fit, epoch: trainer.epoch + 1, step: trainer.batchIndex)
    }
    let run = RunObject(record, trainer: trainer, route: route, experiment: trainer.experiment)
    if let note = runs.record(run) { context.print(note) }
    context.print(RunRecording.summaryText(run))
    let trained = trainer.history.epochs.count - priorEpochs
    context.emit(
      .timing("trained \(trained) \(trained == 1 ? "epoch" : "epochs") in \(seconds(duration))"))
    return run
  }

  /// The line that heads a fit: `run 3: model on data, 20 epochs of 160 samples`.
  private func heading(epochs: Int, samples: Int) -> String {
    let what = [names.model, names.data.map { "on " + $0 }].compactMap { $0 }.joined(
      separator: " ")
    let count = "\(epochs) \(epochs == 1 ? "epoch" : "epochs") of \(samples) samples"
    return "\(name): " + (what.isEmpty ? count : "\(what), \(count)")
  }

  /// Whether the line of `epoch` (from 1) of a fit to `epochs` stays on screen: the first, the
  /// last, and every N-th, N chosen so that about 20 stay, as Keras keeps every epoch's line but
  /// a long fit would bury the screen.
  static func stays(epoch: Int, of epochs: Int) -> Bool {
    let every = max(1, (epochs + 19) / 20)
    return epoch == 1 || epoch == epochs || epoch % every == 0
  }
}
