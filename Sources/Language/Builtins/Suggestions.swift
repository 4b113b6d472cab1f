/// The optimal-string-alignment distance between two strings, ignoring case: the fewest
/// single-character insertions, deletions, substitutions and swaps of neighbours that turn one
/// into the other (Damerau, 1964), so `adma` is one edit from `adam`.
func editDistance(_ first: String, _ second: String) -> Int {
  let left = Array(first.lowercased())
  let right = Array(second.lowercased())
  guard !left.isEmpty else { return right.count }
  guard !right.isEmpty else { return left.count }
  var rows = [Array(0...right.count)]
  for i in 1...left.count {
    var row = [i] + Array(repeating: 0, count: right.count)
    for j in 1...right.count {
      let cost = left[i - 1] == right[j - 1] ? 0 : 1
      row[j] = min(rows[i - 1][j - 1] + cost, rows[i - 1][j] + 1, row[j - 1] + 1)
      if i > 1, j > 1, left[i - 1] == right[j - 2], left[i - 2] == right[j - 1] {
        row[j] = min(row[j], rows[i - 2][j - 2] + 1)
      }
    }
    rows.append(row)
  }
  return rows[left.count][right.count]
}

/// The candidate closest to `name` by edit distance, if it is close enough to be a likely typo:
/// names of 3 characters or more, at most a third of their length (and at least 1) edits away.
func closest(to name: String, among candidates: [String]) -> String? {
  guard (3...64).contains(name.count) else { return nil }
  let limit = max(1, name.count / 3)
  let scored = candidates.map { (candidate: $0, distance: editDistance(name, $0)) }
  guard let best = scored.filter({ $0.distance <= limit }).min(by: { $0.distance < $1.distance })
  else { return nil }
  return best.candidate
}

/// `; did you mean `x`?` when a close candidate exists, else the empty string.
func suggestion(for name: String, among candidates: [String]) -> String {
  closest(to: name, among: candidates).map { "; did you mean `\($0)`?" } ?? ""
}
