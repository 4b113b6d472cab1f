import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Whether the learner has pressed Ctrl-C since the flag was last cleared.
///
/// A signal handler may only touch lock-free state, so the flag is a global atomic. At the prompt
/// it makes `readline()` return with the line cleared; while a cell runs, the session polls it
/// and stops training after the current step.
public enum Interrupt {
  private static let requested = Atomic<Bool>(false)

  /// Whether Ctrl-C was pressed since the last ``clear()``.
  public static var isRequested: Bool { requested.load(ordering: .relaxed) }

  /// Forgets an earlier Ctrl-C.
  public static func clear() { requested.store(false, ordering: .relaxed) }

  /// Records a Ctrl-C, as the signal handler does.
  public static func request() { requested.store(true, ordering: .relaxed) }

  /// Installs the SIGINT handler that only sets the flag.
  ///
  /// The handler is installed without `SA_RESTART`, so a blocked `read()` inside `readline()`
  /// returns at once (glibc's `signal()` sets `SA_RESTART`, and Ctrl-C would then wait for Enter).
  public static func installHandler() {
    clear()  // Swift globals initialise lazily: touch the atomic before a signal can arrive.
    var action = sigaction()
    #if canImport(Glibc)
      action.__sigaction_handler.sa_handler = { _ in Interrupt.request() }
    #else
      action.__sigaction_u.__sa_handler = { _ in Interrupt.request() }
    #endif
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(SIGINT, &action, nil)
  }
}
