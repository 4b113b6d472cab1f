#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Lines read from standard input with `read(2)`, so a Ctrl-C (which interrupts the read, the
/// handler being installed without `SA_RESTART`) is told apart from the end of the input.
public final class StandardInputLines {
  private let descriptor: Int32
  private var buffered: [UInt8] = []
  private var atEnd = false

  /// Creates a reader of `descriptor`, standard input unless told otherwise.
  public init(descriptor: Int32 = STDIN_FILENO) { self.descriptor = descriptor }

  /// The next line without its newline (a last line without one counts), `.interrupted` after
  /// Ctrl-C, or `.endOfInput`.
  public func next() -> LineRead {
    while true {
      if let newline = buffered.firstIndex(of: UInt8(ascii: "\n")) {
        let line = String(decoding: buffered[..<newline], as: UTF8.self)
        buffered.removeSubrange(...newline)
        return .line(line)
      }
      if atEnd {
        guard !buffered.isEmpty else { return .endOfInput }
        defer { buffered = [] }
        return .line(String(decoding: buffered, as: UTF8.self))
      }
      var chunk = [UInt8](repeating: 0, count: 4096)
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count > 0 {
        buffered += chunk[..<count]
      } else if count < 0, errno == EINTR {
        if Interrupt.isRequested {
          Interrupt.clear()
          buffered = []
          return .interrupted
        }
      } else {
        atEnd = true
      }
    }
  }
}
