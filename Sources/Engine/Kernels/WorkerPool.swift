import Foundation
import Synchronization

/// The threads that share a large matrix product: the calling thread and `threadCount − 1`
/// workers.
///
/// A worker that has finished its part watches for the next job for a short while (about
/// `watchRounds` reads of an atomic, some 50 microseconds) and then sleeps on a semaphore, so a
/// training step's products start at once while the step runs, and an idle pool takes no time
/// from anything else. Parts are taken, not assigned: the caller and the workers each take the
/// next part not yet taken until none is left, so a worker the system has not yet scheduled
/// (on a busy machine) delays nothing, since the caller takes its part instead.
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

  /// How many times a waiting thread reads the job number before it sleeps: about 50 µs, longer
  /// than the gaps between the products of a training step (measured on 2 cores of a Zen 4: a
  /// tenth of that let workers fall asleep between products, and waking them cost more than
  /// sharing saved).
  private static let watchRounds = 200_000

  /// The number of threads a job can use, the caller's included.
  package let threadCount: Int
  /// Whether a job is running; a second caller meanwhile runs its job alone.
  private let running = Atomic<Bool>(false)
  /// A job's number is multiplied by this, more than the most parts a job can have (256), so
  /// that its number and part count, or its number and next part, share one atomic word.
  private static let jobStride = 512

  /// The current job: its number times `jobStride` plus its number of parts, read by a worker
  /// in one load.
  private let posted = Atomic<Int>(0)
  /// The next part of the current job to take: the job's number times `jobStride` plus the
  /// part's index. A part is taken by raising it, only while the number is the job's, so a late worker
  /// never takes a part of a later job it has not seen.
  private let nextPart = Atomic<Int>(0)
  /// The parts of the current job not yet done.
  private let unfinished = Atomic<Int>(0)
  /// One flag per worker: set while it sleeps, or is about to, on its semaphore.
  private let sleeping: [AtomicFlag]
  /// One semaphore per worker, signalled when it sleeps and there is a part for it.
  private let wakeUps: [DispatchSemaphore]
  /// The job of the current run: called with the part's number. Written only while no worker
  /// runs a part (the job number orders the accesses).
  private nonisolated(unsafe) var job: ((Int) -> Void)?
  /// Whether the workers' threads have been started: on the first job that needs them, so that
  /// a process that never shares a product stays single-threaded (the C library's allocator is
  /// measurably faster in a process with one thread, and small models allocate on every step).
  /// Read and written only by the caller that holds `running`.
  private nonisolated(unsafe) var workersStarted = false

  /// A pool of `threadCount` threads (the caller and `threadCount − 1` workers, started when
  /// first needed).
  package init(threadCount: Int) {
    self.threadCount = min(max(threadCount, 1), 256)
    sleeping = (1..<self.threadCount).map { _ in AtomicFlag() }
    wakeUps = (1..<self.threadCount).map { _ in DispatchSemaphore(value: 0) }
  }

  /// Starts the workers' threads.
  private func startWorkers() {
    for worker in 1..<threadCount {
      let thread = Thread { [self] in serve(worker) }
      thread.name = "trainbook worker \(worker)"
      thread.start()
    }
    workersStarted = true
  }

  /// Runs `body(part)` for each part in `0..<parts` (at most `threadCount`) on the calling thread
  /// and the workers, and returns when all are done. If another job is running, the calling
  /// thread runs every part itself. Sleeping workers are woken only if `wakingSleepers`: for a
  /// job too short to repay a wake-up, only workers still watching take parts, and the caller
  /// takes the rest.
  func run(parts: Int, wakingSleepers: Bool = true, _ body: (Int) -> Void) {
    let parts = min(parts, threadCount)
    guard parts > 1, !Self.callerComputesAlone,
      running.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged
    else {
      for part in 0..<max(parts, 0) { body(part) }
      return
    }
    if !workersStarted {
      guard wakingSleepers else {
        running.store(false, ordering: .releasing)
        for part in 0..<parts { body(part) }
        return
      }
      startWorkers()
    }
    withoutActuallyEscaping(body) { body in
      job = body
      unfinished.store(parts, ordering: .relaxed)
      let number = posted.load(ordering: .relaxed) / Self.jobStride + 1
      nextPart.store(number * Self.jobStride, ordering: .releasing)
      posted.store(number * Self.jobStride + parts, ordering: .sequentiallyConsistent)
      for worker in 1..<parts
      where wakingSleepers
        && sleeping[worker - 1].value.exchange(false, ordering: .sequentiallyConsistent)
      {
        wakeUps[worker - 1].signal()
      }
      runParts(of: number * Self.jobStride + parts)
      var rounds = 0
      while unfinished.load(ordering: .acquiring) > 0 {
        rounds += 1
        if rounds > Self.watchRounds { sched_yield() }
      }
      job = nil
    }
    running.store(false, ordering: .releasing)
  }

  /// Takes and runs parts of the job `posted` (its number times `jobStride` plus its part
  /// count) until none is left to take.
  private func runParts(of posted: Int) {
    let (number, parts) = posted.quotientAndRemainder(dividingBy: Self.jobStride)
    var next = nextPart.load(ordering: .acquiring)
    while next / Self.jobStride == number && next % Self.jobStride < parts {
      let (taken, found) = nextPart.compareExchange(
        expected: next, desired: next + 1, ordering: .acquiringAndReleasing)
      guard taken else {
        next = found
        continue
      }
      job?(next % Self.jobStride)
      unfinished.subtract(1, ordering: .releasing)
      next += 1
    }
  }

  /// A worker's life: watch for a job, take and run its parts, forever; sleep when no job comes
  /// for a while.
  private func serve(_ worker: Int) {
    var seen = 0  // No job yet: job numbers start at 1.
    while true {
      var current = posted.load(ordering: .acquiring)
      var rounds = 0
      while current == seen && rounds < Self.watchRounds {
        rounds += 1
        current = posted.load(ordering: .acquiring)
      }
      if current == seen {
        sleep(worker, unless: seen)
        continue
      }
      seen = current
      runParts(of: current)
    }
  }

  /// Sleeps on the worker's semaphore unless a job other than `seen` has been posted. A caller
  /// that posts a job clears the flag of each worker it needs and wakes those it found asleep;
  /// the flag is set before the last look at the job number, so no wake-up is lost.
  private func sleep(_ worker: Int, unless seen: Int) {
    let flag = sleeping[worker - 1]
    flag.value.store(true, ordering: .sequentiallyConsistent)
    if posted.load(ordering: .sequentiallyConsistent) == seen {
      wakeUps[worker - 1].wait()
    } else if !flag.value.exchange(false, ordering: .sequentiallyConsistent) {
      // A caller cleared the flag first, and has signalled or is about to.
      wakeUps[worker - 1].wait()
    }
  }
}

/// An atomic flag that can live in an array.
private final class AtomicFlag: Sendable {
  let value = Atomic<Bool>(false)
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
