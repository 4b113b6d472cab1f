import Synchronization

/// A flag that asks long computations to stop: the prompt sets it on Ctrl-C (from a signal
/// handler, so it is a lock-free atomic), and loops and long built-ins poll it.
public final class CancellationFlag: Sendable {
  private let flag = Atomic<Bool>(false)

  /// A flag that is not set.
  public init() {}

  /// Asks the running computation to stop.
  public func cancel() { flag.store(true, ordering: .relaxed) }

  /// Clears the flag; the session does this before each cell.
  public func reset() { flag.store(false, ordering: .relaxed) }

  /// Whether stopping was asked for.
  public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}

/// Thrown (by `CallContext.checkCancellation`) when a computation stops because of Ctrl-C.
public struct Interrupted: Error {
  /// Creates the error.
  public init() {}
}

/// What a built-in's implementation can reach while it runs: the session (variables, seed,
/// random numbers, registry), the output stream and the cancellation flag.
public struct CallContext {
  /// The session the call runs in.
  public let session: Session
  /// The name of the built-in being called, for messages.
  public var name = ""

  /// Sends a piece of output now: printed text, a chart, progress or timing.
  public func emit(_ piece: OutputPiece) { session.emit(piece) }

  /// Sends printed text now.
  public func print(_ text: String) { session.emit(.text(text)) }

  /// Whether Ctrl-C asked the computation to stop; long loops check it after each step.
  public var isCancelled: Bool { session.cancellation.isCancelled }

  /// Throws `Interrupted` if Ctrl-C asked the computation to stop.
  public func checkCancellation() throws {
    if isCancelled { throw Interrupted() }
  }

  /// Throws, before anything is allocated, if `bytes` more would take the session past its
  /// memory budget (see `MemoryBudget`); the message names the call and by how much.
  public func reserve(_ bytes: Int, argument: String? = nil) throws {
    do {
      try session.memory.check(adding: bytes, for: "`\(name)(…)`")
    } catch {
      throw CallError(error.description, hint: MemoryError.hint, argument: argument)
    }
  }

  /// `reserve` for `count` elements of `size` bytes each, refusing a product that overflows.
  public func reserve(_ count: Int, of size: Int, argument: String? = nil) throws {
    let (bytes, overflow) = max(count, 0).multipliedReportingOverflow(by: max(size, 0))
    try reserve(overflow ? Int.max : bytes, argument: argument)
  }

  /// A seed for a computation the user gave no seed for, drawn from the session's generator
  /// (itself seeded by `seed(n)`), so a session replays the same from the same seed. Inside a
  /// sweep's block it is the run's seed, so that everything the block leaves unseeded (the
  /// model's weights, the order of batches, dropout) varies with the sweep's seed alone.
  public func nextSeed() -> UInt64 {
    session.sweepInProgress?.current?.seed ?? session.random.next()
  }
}
