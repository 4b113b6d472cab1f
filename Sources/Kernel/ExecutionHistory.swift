import REPL
import Support

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The cells a kernel ran, numbered by execution count, with the value each showed: what
/// `history_request` answers and what `:history` lists.
///
/// It is the kernel's line reader for the commands' sake (`:history` reads a reader's history);
/// a kernel reads no lines, so `readLine` always finds the input ended.
final class ExecutionHistory: LineReader {
  /// One executed cell.
  struct Entry: Equatable {
    /// Its execution count.
    var line: Int
    /// Its code.
    var input: String
    /// The value it showed (`execute_result`), if any.
    var output: String?
  }

  /// The session number a kernel's history answers with: one session a process.
  static let session = 1

  /// The cells, oldest first.
  private(set) var entries: [Entry] = []

  /// Adds the cell numbered `line`.
  func record(line: Int, input: String, output: String?) {
    entries.append(Entry(line: line, input: input, output: output))
  }

  func readLine(prompt: String) -> LineRead { .endOfInput }
  func remember(_ entry: String) {}
  var history: [String] { entries.map(\.input) }

  /// The entries a `history_request` asks for: `tail` (the last `n`), `range` (execution
  /// counts from `start` up to, not including, `stop`, in this session) or `search` (inputs
  /// matching the glob `pattern`, the last `n`, each input once if `unique`).
  func answer(to request: KernelMessage) -> [Entry] {
    let count = request.integer("n")
    switch request.text("hist_access_type") {
    case "tail":
      return Array(entries.suffix(max(0, count ?? entries.count)))
    case "range":
      let session = request.integer("session") ?? 0
      guard session == 0 || session == Self.session || session < 0 && -session <= 1 else {
        return []
      }
      let start = request.integer("start") ?? 0
      let stop = request.integer("stop") ?? Int.max
      return entries.filter { $0.line >= start && $0.line < stop }
    case "search":
      let pattern = request.text("pattern") ?? "*"
      var matches = entries.filter { fnmatch(pattern, $0.input, 0) == 0 }
      if request.flag("unique", default: false) {
        var seen = Set<String>()
        matches = matches.reversed().filter { seen.insert($0.input).inserted }.reversed()
      }
      return Array(matches.suffix(max(0, count ?? matches.count)))
    default:
      return []
    }
  }

  /// `entries` as a history reply lists them: `[session, line, input]`, or with `output`,
  /// `[session, line, [input, output]]`.
  static func listed(_ entries: [Entry], withOutput: Bool) -> JSONValue {
    .array(
      entries.map { entry in
        let input = JSONValue.string(entry.input)
        let shown: JSONValue =
          withOutput ? .array([input, entry.output.map(JSONValue.string) ?? .null]) : input
        return .array([.integer(session), .integer(entry.line), shown])
      })
  }
}
