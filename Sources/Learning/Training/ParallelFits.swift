import Engine
import Foundation
import Synchronization

/// Runs several independent computations (a sweep's fits) at once, one per thread, on as many
/// threads as the engine computes with (`EngineThreads.count`, which `TRAINBOOK_THREADS` sets).
///
/// Each computation runs on its own thread with its products computed alone
/// (`EngineThreads.computingAlone`), so the threads never exceed the cores given, and each
/// result is the same bits as the same computation run alone: nothing is shared between them
/// but read-only inputs, and no product's result depends on its threads.
public enum ParallelFits {
  /// Runs `job(i)` for each `i` in `0..<count`, taking them in order, at most `threads` at a
  /// time. The calling thread waits and calls `finished(i)` as each job ends (in the order they
  /// end), so it can report progress. Once `isCancelled()` holds, no job starts (the running ones
  /// stop on their own, as their trainers poll the same flag); returns the jobs that ran.
  @discardableResult
  public static func run(
    count: Int, threads: Int = EngineThreads.count,
    isCancelled: @escaping @Sendable () -> Bool,
    job: @escaping @Sendable (Int) -> Void,
    finished: (Int) -> Void = { _ in }
  ) -> [Int] {
    let workers = max(1, min(threads, count))
    guard count > 0 else { return [] }
    let queue = JobQueue()
    for worker in 0..<workers {
      let thread = Thread {
        while !isCancelled() {
          let index = queue.next.wrappingAdd(1, ordering: .relaxed).oldValue
          guard index < count else { break }
          EngineThreads.computingAlone { job(index) }
          queue.report(index)
        }
        queue.report(nil)
      }
      thread.name = "trainbook fit \(worker + 1)"
      thread.stackSize = 8 << 20
      thread.start()
    }
    var ran: [Int] = []
    var exited = 0
    while exited < workers {
      queue.signal.wait()
      for index in queue.takeEnded() {
        guard let index else {
          exited += 1
          continue
        }
        ran.append(index)
        finished(index)
      }
    }
    return ran
  }
}

/// The jobs of one `ParallelFits.run`: the next to take, and the ends not yet reported.
private final class JobQueue: Sendable {
  /// The index of the next job to take.
  let next = Atomic<Int>(0)
  /// Signalled once per entry of `ended`.
  let signal = DispatchSemaphore(value: 0)
  /// Jobs that ended (their index) and threads that exited (nil), in order.
  private let ended = Mutex<[Int?]>([])

  /// Reports that job `index` ended, or with nil that a thread exited.
  func report(_ index: Int?) {
    ended.withLock { $0.append(index) }
    signal.signal()
  }

  /// The ends reported since the last call.
  func takeEnded() -> [Int?] {
    ended.withLock { ended in
      defer { ended.removeAll() }
      return ended
    }
  }
}
