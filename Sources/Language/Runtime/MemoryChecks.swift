#if canImport(Glibc)
  import Glibc
#endif

extension Session {
  /// Fails at `range` if the session has grown past its memory budget, naming `what` (a call or
  /// a loop) as the cause. Reading the process's memory costs a system call, so it is compared
  /// at most every 5 ms; a computation fast enough to fall between two comparisons allocates
  /// too little to matter, and the built-ins that allocate much check before they do.
  func checkMemory(after what: String, at range: SourceRange) throws {
    let now = monotonicMilliseconds()
    guard now >= nextMemoryCheck else { return }
    nextMemoryCheck = now + 5
    do {
      try memory.checkInUse(after: what)
    } catch {
      throw Diagnostic(range: range, message: error.description, hint: MemoryError.hint)
    }
  }
}

/// Milliseconds on a coarse monotonic clock (cheap to read: no system call).
func monotonicMilliseconds() -> UInt64 {
  var time = timespec()
  clock_gettime(CLOCK_MONOTONIC_COARSE, &time)
  return UInt64(time.tv_sec) * 1000 + UInt64(time.tv_nsec) / 1_000_000
}
