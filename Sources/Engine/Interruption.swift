import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Ctrl-C for long loops below the language (data generators, k-fold, loaders), which know no
/// session: the session running a cell registers its cancellation check for its thread with
/// `whileRunning(checking:_:)`, and such loops poll `isRequested()` every few thousand elements.
public enum Interruption {
  private static let checks = Mutex<[UInt: @Sendable () -> Bool]>([:])

  /// Whether the computation running on this thread should stop; never, outside a cell.
  public static func isRequested() -> Bool {
    let thread = currentThread
    return checks.withLock { $0[thread] }?() ?? false
  }

  /// Runs `body` with `check` as this thread's answer to `isRequested()`.
  public static func whileRunning<Result>(
    checking check: @escaping @Sendable () -> Bool, _ body: () throws -> Result
  ) rethrows -> Result {
    let thread = currentThread
    let previous = checks.withLock { checks in checks.updateValue(check, forKey: thread) }
    defer { checks.withLock { $0[thread] = previous } }
    return try body()
  }

  private static var currentThread: UInt {
    #if canImport(Glibc)
      UInt(pthread_self())
    #else
      UInt(bitPattern: pthread_self())
    #endif
  }
}
