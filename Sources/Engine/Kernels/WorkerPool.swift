import Foundation
import Synchronization

/// The threads that share a large matrix product: the calling thread and `threadCount − 1`
/// workers that sleep on a semaphore between products (they never spin, so they take no time
/// from single-threaded work).
///
/// How many threads a product uses never changes its result: work is split over rows or
/// columns of the result, and each element is computed by one thread in one fixed order.
package final class WorkerPool: @unchecked Sendable {
  /// The pool every product shares, with `configuredThreadCount()` threads.
  package static let shared = WorkerPool(threadCount: configuredThreadCount())

  /// Whether the current thread (or task) computes its products alone, never waking the pool's
  /// workers: set by `EngineThreads.computingAlone` for threads that already share the cores
  /// with others, such as a sweep's parallel fits.
  @TaskLocal static var callerComputesAlone = false

  /// The number of threads a job can use, the caller's included.
  package let threadCount: Int
  /// Whether a job is running; a second caller meanwhile runs its job alone.
  private let running = Atomic<Bool>(false)
  /// One semaphore per worker, signalled when there is a part for it.
  private let starts: [DispatchSemaphore]
  /// Signalled by each worker when its part is done.
  private let finished = DispatchSemaphore(value: 0)
  /// The job of the current run: called with the part's number. Written only while no worker
  /// runs (the semaphores order the accesses).
  private nonisolated(unsafe) var job: ((Int) -> Void)?

  /// A pool of `threadCount` threads (the caller and `threadCount − 1` workers).
  package init(threadCount: Int) {
    self.threadCount = max(threadCount, 1)
    starts = (1..<self.threadCount).map { _ in DispatchSemaphore(value: 0) }
    for worker in 1..<self.threadCount {
      let thread = Thread { [self] in serve(worker) }
      thread.name = "trainbook worker \(worker)"
      thread.start()
    }
  }

  /// Runs `body(part)` for each part in `0..<parts` (at most `threadCount`), part 0 on the calling
  /// thread and the others on workers, and returns when all are done. If another job is running,
  /// the calling thread runs every part itself.
  func run(parts: Int, _ body: (Int) -> Void) {
    let parts = min(parts, threadCount)
    guard parts > 1, !Self.callerComputesAlone,
      running.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged
    else {
      for part in 0..<max(parts, 0) { body(part) }
      return
    }
    withoutActuallyEscaping(body) { body in
      job = body
      for worker in 1..<parts { starts[worker - 1].signal() }
      body(0)
      for _ in 1..<parts { finished.wait() }
      job = nil
    }
    running.store(false, ordering: .releasing)
  }

  /// A worker's life: wait for a part, run it, report, forever.
  private func serve(_ worker: Int) {
    while true {
      starts[worker - 1].wait()
      job?(worker)
      finished.signal()
    }
  }
}

/// The engine's threads as other targets see them: how many there are, and a way for a thread
/// to compute alone.
public enum EngineThreads {
  /// The number of threads trainbook computes with (see `configuredThreadCount()`): the most
  /// fits a sweep runs at once, and the threads a large product is shared among.
  public static var count: Int { WorkerPool.shared.threadCount }

  /// Runs `body` with every matrix product it starts computed on the calling thread alone. A
  /// caller that already runs one of several parallel computations (a sweep's fits) uses this
  /// so the cores are not oversubscribed; results are the same bits either way, since a
  /// product's split among threads never changes its result.
  public static func computingAlone<Result>(_ body: () throws -> Result) rethrows -> Result {
    try WorkerPool.$callerComputesAlone.withValue(true) { try body() }
  }
}

/// The number of threads trainbook computes with: `TRAINBOOK_THREADS` if it is set to a whole
/// number from 1 to 256, otherwise every core this process may run on. A value that is not such
/// a number is reported on standard error once and ignored.
func configuredThreadCount() -> Int {
  let cores = ProcessInfo.processInfo.activeProcessorCount
  guard let setting = ProcessInfo.processInfo.environment["TRAINBOOK_THREADS"] else {
    return cores
  }
  guard let count = Int(setting.trimmingCharacters(in: .whitespaces)), (1...256).contains(count)
  else {
    FileHandle.standardError.write(
      Data(
        "trainbook: TRAINBOOK_THREADS=\(setting) is not a thread count from 1 to 256; using \(cores)\n"
          .utf8))
    return cores
  }
  return count
}
