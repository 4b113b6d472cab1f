import Language
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Ctrl-C: the flag the learner raises, shared by the prompt and the session.
///
/// A signal handler may only touch lock-free state, so the flag is a global atomic. At the prompt
/// it makes `readline()` return with the line cleared; while a cell runs, the session polls it
/// and stops training after the current step. A second Ctrl-C while the same cell still runs
/// (something that does not poll the flag) ends the process.
public enum Interrupt {
  /// The flag Ctrl-C sets. The session must use it: `Session(cancellation: Interrupt.flag)`.
  public static let flag = CancellationFlag()
  private static let cellIsRunning = Atomic<Bool>(false)

  /// Whether Ctrl-C was pressed since the last ``clear()``.
  public static var isRequested: Bool { flag.isCancelled }

  /// Forgets an earlier Ctrl-C.
  public static func clear() { flag.reset() }

  /// Records a Ctrl-C, as the signal handler does.
  public static func request() { flag.cancel() }

  /// Runs `body` (a cell) so that a second Ctrl-C during it ends the process.
  public static func whileRunningCell<Result>(_ body: () -> Result) -> Result {
    cellIsRunning.store(true, ordering: .relaxed)
    defer { cellIsRunning.store(false, ordering: .relaxed) }
    return body()
  }

  /// Installs the SIGINT handler, which only sets the flag (during a cell it also ends the line
  /// after the terminal's `^C`; pressed twice during a cell, it exits with status 130, as a
  /// shell reports a Ctrl-C).
  ///
  /// The handler is installed without `SA_RESTART`, so a blocked `read()` inside `readline()`
  /// returns at once (glibc's `signal()` sets `SA_RESTART`, and Ctrl-C would then wait for Enter).
  public static func installHandler() {
    // Swift globals initialise lazily: touch them before a signal can arrive.
    clear()
    cellIsRunning.store(false, ordering: .relaxed)
    var action = sigaction()
    let handler: @convention(c) (Int32) -> Void = { _ in
      if Interrupt.cellIsRunning.load(ordering: .relaxed) {
        if Interrupt.isRequested { _exit(130) }
        var newline = UInt8(ascii: "\n")  // after the terminal's `^C`; write(2) is signal-safe
        _ = write(STDOUT_FILENO, &newline, 1)
      }
      Interrupt.request()
    }
    #if canImport(Glibc)
      action.__sigaction_handler.sa_handler = handler
    #else
      action.__sigaction_u.__sa_handler = handler
    #endif
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(SIGINT, &action, nil)
  }
}
