#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where the prompt writes: standard output, or a string in tests.
public protocol TextOutput: AnyObject {
  /// Writes `text` as it is (no newline added) and makes it visible at once.
  func write(_ text: String)
}

/// Standard output, unbuffered, so prompts and progress show immediately.
public final class StandardOutput: TextOutput {
  /// Creates the writer.
  public init() {}

  /// Writes `text` to standard output.
  public func write(_ text: String) { writeAll(text, to: STDOUT_FILENO) }
}

/// Writes all of `text` to `descriptor`, retrying after short writes and interruptions (a Ctrl-C
/// during a write must not lose output). Gives up silently if the descriptor is closed.
package func writeAll(_ text: String, to descriptor: Int32) {
  var text = text
  text.withUTF8 { bytes in
    guard let start = bytes.baseAddress else { return }
    var offset = 0
    while offset < bytes.count {
      let written = write(descriptor, start + offset, bytes.count - offset)
      if written > 0 {
        offset += written
      } else if written < 0 && errno == EINTR {
        continue
      } else {
        return
      }
    }
  }
}

/// Whether file descriptor `descriptor` is a terminal.
package func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }

/// The width of the terminal on standard output in columns, or `nil` when it is not a terminal.
package func terminalWidth() -> Int? {
  var size = winsize()
  guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
  return Int(size.ws_col)
}
