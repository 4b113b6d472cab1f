import Engine
import Foundation
import Learning
import Synchronization

/// Trains a sweep's gathered fits on every core (`ParallelFits`), reports each run as it ends
/// with the runs left and an estimate of the time left, keeps the finished runs in the session
/// in the order of the sweep, and returns them as groups: a `GroupObject` for a repeat over
/// seeds alone, a `SweepObject` otherwise. Ctrl-C stops the running fits and starts no other;
/// the runs that had finished are kept.
enum SweepTraining {
  static func train(_ collector: SweepCollector, context: CallContext) throws -> Value {
    let fits = collector.fits
    let session = context.session
    let flag = session.cancellation
    for fit in fits {
      fit.trainer.options.isCancelled = { flag.isCancelled }
      fit.trainer.options.progress = { _ in }
    }
    let threads = min(EngineThreads.count, fits.count)
    context.emit(
      .progress(
        "sweep: \(fits.count) runs (\(collector.plan.shape)) on \(threads) "
          + (threads == 1 ? "thread" : "threads") + "\n"))
    let results = SweepResults()
    nonisolated(unsafe) let jobs = fits
    let started = ContinuousClock.now
    var finishedCount = 0
    ParallelFits.run(
      count: fits.count, threads: threads, isCancelled: { flag.isCancelled },
      job: { index in
        let fit = jobs[index]
        results.store(
          index,
          Result {
            try fit.trainer.fitRecordingRun(
              fit.data, name: fit.run.name, id: "", created: Date(), names: fit.run.names)
          })
      },
      finished: { index in
        finishedCount += 1
        guard !flag.isCancelled else { return }
        let elapsed = secondsSince(started)
        let left = elapsed / Double(finishedCount) * Double(fits.count - finishedCount)
        var line = "sweep: \(finishedCount)/\(fits.count) runs · \(fits[index].run.name)"
        if case .success(let record)? = results.result(index), let best = record.best {
          line +=
            ": \(best.key) \(NumberFormat.format(record.finalMetrics[best.key] ?? best.value))"
        }
        if finishedCount < fits.count { line += " · about \(seconds(left)) left" }
        context.emit(.progress(line))
      })
    var kept: [Int: RunObject] = [:]
    for (index, fit) in fits.enumerated() {
      switch results.result(index) {
      case .success(var record)? where record.status != .interrupted:
        record.id = session.runs.newID(createdAt: record.created)
        let run = RunObject(
          record, trainer: fit.trainer, route: fit.run.route, experiment: fit.trainer.experiment)
        if let note = session.runs.record(run) { context.print(note) }
        kept[index] = run
      case .failure(let error)?:
        context.print("run \(fit.run.name) failed: \(plainDescription(of: error))")
      default:
        break
      }
    }
    if flag.isCancelled {
      context.print(
        "interrupted: kept the \(kept.count) of \(fits.count) runs that had finished")
    }
    context.emit(.timing("swept \(kept.count) runs in \(seconds(secondsSince(started)))"))
    return result(of: collector.plan, fits: fits, kept: kept)
  }

  /// Seconds from `start` to now.
  private static func secondsSince(_ start: ContinuousClock.Instant) -> Double {
    let elapsed = (ContinuousClock.now - start).components
    return Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
  }

  /// The kept runs as groups, one per setting with runs, in the order of the sweep.
  private static func result(
    of plan: SweepPlan, fits: [SweepCollector.PendingFit], kept: [Int: RunObject]
  ) -> Value {
    var groups: [GroupObject] = []
    for setting in 0..<plan.settingCount {
      let members = fits.indices.filter { fits[$0].point.setting == setting && kept[$0] != nil }
      guard let first = members.first else { continue }
      let point = fits[first].point
      let values = zip(point.names, point.values).map { name, value in
        SweepSetting(name: name, value: settingValue(value))
      }
      groups.append(
        GroupObject(
          setting: values, seeds: members.map { fits[$0].point.seed },
          runs: members.compactMap { kept[$0] }))
    }
    if plan.axes.isEmpty, let only = groups.first { return .host(only) }
    return .host(SweepObject(axes: plan.axes.map(\.name), groups: groups))
  }

  /// An axis value as a run setting: numbers, flags and text as themselves, anything else (an
  /// optimizer, a schedule) as it prints.
  private static func settingValue(_ value: Value) -> SettingValue {
    switch value {
    case .number(let number): .number(number)
    case .bool(let flag): .flag(flag)
    case .string(let text): .text(text)
    default: .text(value.summary)
    }
  }
}

/// The result of each fit of a sweep, written by the thread that trained it.
private final class SweepResults: Sendable {
  private let results = Mutex<[Int: Result<RunRecord, any Error>]>([:])

  func store(_ index: Int, _ result: Result<RunRecord, any Error>) {
    results.withLock { $0[index] = result }
  }

  func result(_ index: Int) -> Result<RunRecord, any Error>? {
    results.withLock { $0[index] }
  }
}
