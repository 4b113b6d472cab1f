/// The name in `candidates` nearest to `name` by edit distance, ignoring case, if it is near
/// enough to be a likely typo: at most a third of its letters (and at least one) differ. Of
/// equally near names, one that begins with `name` wins, then one with the same first letter
/// (`sin` suggests `sine` before `min`).
///
/// Every "did you mean …?" in trainbook (dataset names, CSV columns, built-ins, arguments, fields,
/// `:commands`) comes from here.
package func closestName(to name: String, in candidates: [String]) -> String? {
  guard name.count <= 64 else { return nil }
  let limit = max(1, name.count / 3)
  let lowered = name.lowercased()
  var best: (name: String, rank: [Int])?
  for candidate in candidates {
    let distance = editDistance(name, candidate)
    guard distance <= limit else { continue }
    let other = candidate.lowercased()
    let rank = [
      distance, other.hasPrefix(lowered) ? 0 : 1, other.first == lowered.first ? 0 : 1,
    ]
    if best.map({ rank.lexicographicallyPrecedes($0.rank) }) ?? true { best = (candidate, rank) }
  }
  return best?.name
}

/// The optimal-string-alignment distance between two strings, ignoring case: the fewest
/// single-character insertions, deletions, substitutions and swaps of neighbours that turn one
/// into the other (Damerau, 1964), so `adma` is one edit from `adam`.
package func editDistance(_ first: String, _ second: String) -> Int {
  let a = Array(first.lowercased())
  let b = Array(second.lowercased())
  guard !a.isEmpty else { return b.count }
  guard !b.isEmpty else { return a.count }
  var rows = [Array(0...b.count)]
  for i in 1...a.count {
    var row = [i] + Array(repeating: 0, count: b.count)
    for j in 1...b.count {
      let cost = a[i - 1] == b[j - 1] ? 0 : 1
      row[j] = min(rows[i - 1][j - 1] + cost, rows[i - 1][j] + 1, row[j - 1] + 1)
      if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
        row[j] = min(row[j], rows[i - 2][j - 2] + 1)
      }
    }
    rows.append(row)
  }
  return rows[a.count][b.count]
}
