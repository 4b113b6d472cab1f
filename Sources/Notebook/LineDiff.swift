/// One line of a diff between recorded and replayed output.
public enum DiffLine: Sendable, Equatable {
  /// A line both outputs have (shown as recorded).
  case same(String)
  /// A recorded line the replay did not print.
  case removed(String)
  /// A line the replay printed that was not recorded.
  case added(String)

  /// The line as shown: `  ` for the same, `- ` for recorded only, `+ ` for new only.
  public var shown: String {
    switch self {
    case .same(let line): "  \(line)"
    case .removed(let line): "- \(line)"
    case .added(let line): "+ \(line)"
    }
  }
}

/// The diff turning `recorded` into `new`, pairing lines that `matches` accepts along a longest
/// common subsequence (dynamic programming, O(n·m); long outputs fall back to pairing by
/// position).
func lineDiff(
  recorded: [String], new: [String], matches: (String, String) -> Bool
) -> [DiffLine] {
  let n = recorded.count
  let m = new.count
  guard n * m <= 1_000_000 else {
    return positionalDiff(recorded: recorded, new: new, matches: matches)
  }
  // common[i][j]: length of the longest common subsequence of recorded[i...] and new[j...].
  var common = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
  for i in stride(from: n - 1, through: 0, by: -1) {
    for j in stride(from: m - 1, through: 0, by: -1) {
      common[i][j] =
        matches(recorded[i], new[j])
        ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
    }
  }
  var diff: [DiffLine] = []
  var i = 0
  var j = 0
  while i < n || j < m {
    if i < n, j < m, matches(recorded[i], new[j]) {
      diff.append(.same(recorded[i]))
      i += 1
      j += 1
    } else if i < n, j == m || common[i + 1][j] >= common[i][j + 1] {
      diff.append(.removed(recorded[i]))
      i += 1
    } else {
      diff.append(.added(new[j]))
      j += 1
    }
  }
  return diff
}

private func positionalDiff(
  recorded: [String], new: [String], matches: (String, String) -> Bool
) -> [DiffLine] {
  var diff: [DiffLine] = []
  for index in 0..<max(recorded.count, new.count) {
    switch (recorded[safe: index], new[safe: index]) {
    case (let old?, let fresh?) where matches(old, fresh): diff.append(.same(old))
    case (let old, let fresh):
      if let old { diff.append(.removed(old)) }
      if let fresh { diff.append(.added(fresh)) }
    }
  }
  return diff
}

/// The changed lines of `diff` with up to `context` unchanged lines around each change; `…`
/// stands for the unchanged lines left out.
func condensed(_ diff: [DiffLine], context: Int = 2) -> [String] {
  let changed = diff.indices.filter { if case .same = diff[$0] { false } else { true } }
  var shown: [String] = []
  var lastShown = -1
  for index in diff.indices {
    let isNear = changed.contains { abs($0 - index) <= context }
    guard isNear else { continue }
    if index > lastShown + 1 { shown.append("  …") }
    shown.append(diff[index].shown)
    lastShown = index
  }
  if lastShown >= 0, lastShown < diff.count - 1 { shown.append("  …") }
  return shown
}
