/// The name in `names` nearest to `typed` by edit distance (insertions, deletions,
/// substitutions and swaps of neighbours each count one), if it is near enough to be a typo:
/// at most one edit for short names, a third of the length for longer ones.
package func closestName(to typed: String, among names: [String]) -> String? {
  let limit = max(1, typed.count / 3)
  let scored = names.map { (name: $0, distance: editDistance(typed, $0)) }
  guard let best = scored.min(by: { $0.distance < $1.distance }), best.distance <= limit else {
    return nil
  }
  return best.name
}

/// The optimal string alignment distance between `first` and `second`.
private func editDistance(_ first: String, _ second: String) -> Int {
  let a = Array(first)
  let b = Array(second)
  guard !a.isEmpty else { return b.count }
  guard !b.isEmpty else { return a.count }
  var previousRow: [Int] = []
  var row = Array(0...b.count)
  for i in 1...a.count {
    let beforeRow = previousRow
    previousRow = row
    row = [i] + Array(repeating: 0, count: b.count)
    for j in 1...b.count {
      let cost = a[i - 1] == b[j - 1] ? 0 : 1
      row[j] = min(previousRow[j] + 1, row[j - 1] + 1, previousRow[j - 1] + cost)
      if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
        row[j] = min(row[j], beforeRow[j - 2] + 1)
      }
    }
  }
  return row[b.count]
}
