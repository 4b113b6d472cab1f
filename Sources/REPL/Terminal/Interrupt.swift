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
/// (every long built-in does, within about a tenth of a second) and stops training after the
/// current step. Ctrl-C never ends the session, however often it is pressed: a second one while
/// the same cell still runs says so and how to leave (`:quit` or Ctrl-D).
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

  /// Runs `body` (a cell) so that a Ctrl-C during it ends its line and a second one explains.
  public static func whileRunningCell<Result>(_ body: () -> Result) -> Result {
    cellIsRunning.store(true, ordering: .relaxed)
    defer { cellIsRunning.store(false, ordering: .relaxed) }
    return body()
  }

  /// Installs the SIGINT handler, which only sets the flag (during a cell it also ends the line
  /// after the terminal's `^C`, and, pressed again, says that the cell is stopping).
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
        // After the terminal's `^C`; write(2) is signal-safe, and these bytes are static.
        let note: StaticString =
          Interrupt.isRequested
          ? "\nstopping at the next check; Ctrl-C never ends the session (:quit or Ctrl-D does)\n"
          : "\n"
        _ = write(STDOUT_FILENO, note.utf8Start, note.utf8CodeUnitCount)
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
