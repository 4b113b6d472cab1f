/// A learner's copy of an exercise compared with the file as shipped: only the lines marked
/// `TODO` may change (and any number of lines may stand in their place); blank lines and
/// comments are free. Every other change (a deleted line, an added one, a changed one) is a
/// finding, shown as a diff, and the exercise does not pass.
public struct ExerciseEdits: Sendable, Equatable {
  /// One code line that differs outside the `TODO` lines.
  public enum Change: Sendable, Equatable {
    /// A line of the shipped file (its line number and code) missing from the learner's copy.
    case removed(line: Int, code: String)
    /// A line of the learner's copy (its line number and code) that is not the shipped code
    /// and not in place of a `TODO` line.
    case added(line: Int, code: String)
  }

  /// The changes outside the `TODO` lines, in file order; empty when there are none.
  public var changes: [Change]

  /// Compares `edited` with `shipped`.
  public init(shipped: String, edited: String) {
    let pattern = Self.pattern(of: shipped)
    let lines = Self.codeLines(of: edited)
    changes = Self.align(pattern, lines)
  }

  /// What the learner is told when they changed more than the `TODO` lines; `nil` when they did
  /// not.
  public var report: String? {
    guard !changes.isEmpty else { return nil }
    let shown = changes.map { change in
      switch change {
      case .removed(let line, let code): "  - line \(line) as shipped: \(code)"
      case .added(let line, let code): "  + your line \(line): \(code)"
      }
    }
    return "only the lines marked TODO may change, but your file differs elsewhere:\n"
      + shown.joined(separator: "\n")
      + "\n  Put those lines back as they were (or delete the file and run `trainbook lesson "
      + "start` for a fresh copy): the checks judge only the TODOs' answers."
  }

  /// A shipped line to keep, or a place where `TODO` lines stood.
  private enum Item: Equatable {
    case keep(line: Int, code: String)
    case todo
  }

  /// The shipped file as lines to keep and `TODO` places (consecutive `TODO` lines make one).
  private static func pattern(of source: String) -> [Item] {
    var items: [Item] = []
    for (offset, line) in source.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      if line.contains("TODO") {
        if items.last != .todo { items.append(.todo) }
      } else if let code = code(of: line) {
        items.append(.keep(line: offset + 1, code: code))
      }
    }
    return items
  }

  /// The code lines (without comments and surrounding blanks) with their line numbers.
  private static func codeLines(of source: String) -> [(line: Int, code: String)] {
    source.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
      .compactMap { offset, line in code(of: line).map { (offset + 1, $0) } }
  }

  /// A line's code without its comment and surrounding blanks; `nil` when nothing is left.
  private static func code(of line: Substring) -> String? {
    var inString = false
    var escaped = false
    var end = line.endIndex
    for index in line.indices {
      let character = line[index]
      if escaped {
        escaped = false
      } else if inString && character == "\\" {
        escaped = true
      } else if character == "\"" {
        inString.toggle()
      } else if character == "#" && !inString {
        end = index
        break
      }
    }
    let code = line[..<end].trimmingBlanks
    return code.isEmpty ? nil : code
  }

  /// The fewest changes that turn the pattern into `lines`, by dynamic programming over
  /// (pattern position, line position): a kept line matches its code or counts as removed; a
  /// `TODO` place takes any lines; any other line counts as added.
  private static func align(_ pattern: [Item], _ lines: [(line: Int, code: String)]) -> [Change] {
    let n = pattern.count
    let m = lines.count
    // A copy far longer than the exercise is not an edit of it; do not spend n·m on it.
    guard m <= 4 * n + 400 else {
      return pattern.compactMap { item in
        if case .keep(let line, let code) = item { return .removed(line: line, code: code) }
        return nil
      }
    }
    let width = m + 1
    var cost = [Int](repeating: 0, count: (n + 1) * width)
    for i in stride(from: n, through: 0, by: -1) {
      for j in stride(from: m, through: 0, by: -1) {
        if i == n && j == m { continue }
        var best = Int.max
        if i < n {
          switch pattern[i] {
          case .keep(_, let code):
            best = 1 + cost[(i + 1) * width + j]
            if j < m && lines[j].code == code { best = min(best, cost[(i + 1) * width + j + 1]) }
          case .todo:
            best = cost[(i + 1) * width + j]
            if j < m { best = min(best, cost[i * width + j + 1]) }
          }
        }
        if j < m { best = min(best, 1 + cost[i * width + j + 1]) }
        cost[i * width + j] = best
      }
    }
    var changes: [Change] = []
    var (i, j) = (0, 0)
    while i < n || j < m {
      let here = cost[i * width + j]
      if i < n, case .keep(let line, let code) = pattern[i] {
        if j < m && lines[j].code == code && here == cost[(i + 1) * width + j + 1] {
          (i, j) = (i + 1, j + 1)
          continue
        }
        if here == 1 + cost[(i + 1) * width + j] {
          changes.append(.removed(line: line, code: code))
          i += 1
          continue
        }
      } else if i < n {
        if j < m && here == cost[i * width + j + 1] {
          j += 1
          continue
        }
        if here == cost[(i + 1) * width + j] {
          i += 1
          continue
        }
      }
      changes.append(.added(line: lines[j].line, code: lines[j].code))
      j += 1
    }
    return changes
  }
}

extension Substring {
  /// The text without spaces and tabs at either end.
  fileprivate var trimmingBlanks: String {
    String(
      drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed()
        .drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
  }
}
