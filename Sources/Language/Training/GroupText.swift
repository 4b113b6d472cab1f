import Foundation
import Learning

/// Groups of runs in words: a series' spread over seeds, the table of a sweep sorted by a
/// metric, and the answer to "is the difference real?" in plain sentences.
enum GroupText {
  /// `0.2312 ± 0.0123 (0.2201–0.2502)`, noting values that were not finite.
  static func spread(_ spread: Spread) -> String {
    var text = "\(format(spread.mean)) ± \(format(spread.standardDeviation))"
    if spread.count > 1 { text += " (\(format(spread.minimum))–\(format(spread.maximum)))" }
    if spread.notFinite > 0 { text += ", \(spread.notFinite) not finite" }
    return text
  }

  /// One line per series the runs recorded (not `lr` or `seconds`): its last values' spread.
  static func finalLines(_ group: RunGroup) -> [String] {
    let keys = group.keys.filter {
      $0 != RunRecord.Series.learningRate && $0 != RunRecord.Series.seconds
    }
    let width = keys.map(\.count).max() ?? 0
    return keys.compactMap { key in
      group.finalSpread(key).map {
        "  " + key.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + spread($0)
      }
    }
  }

  /// The indices of `groups`, best first by the mean of `metric`'s last values; groups without
  /// a finite value last, in their order.
  static func ranked(_ groups: [RunGroup], metric: String) -> [Int] {
    let means = groups.map { $0.finalSpread(metric)?.mean }
    let lower = lowerIsBetter(metric)
    return groups.indices.sorted { first, second in
      switch (means[first], means[second]) {
      case (let a?, let b?): return a == b ? first < second : (lower ? a < b : a > b)
      case (.some, nil): return true
      case (nil, .some): return false
      case (nil, nil): return first < second
      }
    }
  }

  /// The groups as a table sorted by `metric` (best first): each axis's value, the seeds, the
  /// metric's mean ± std and range, and whether each differs from the best by more than seed
  /// noise; then the best against the runner-up in words.
  ///
  /// ```
  /// lr     seeds  val_loss (last)   min–max          vs best
  /// 0.01       3  0.2312 ± 0.0123   0.2201–0.2502    best
  /// 0.1        3  0.3512 ± 0.0423   0.3000–0.4100    worse: real (p = 0.012)
  /// ```
  static func table(_ groups: [RunGroup], axes: [String], metric: String) -> String {
    guard !groups.isEmpty else { return "(no runs)" }
    let order = ranked(groups, metric: metric)
    let best = groups[order[0]]
    let header = axes + ["seeds", "\(metric) (last)", "min–max", "vs best"]
    let rows = order.map { index -> [String] in
      let group = groups[index]
      let values = axes.map { axis in
        group.setting.first { $0.name == axis }.map { "\($0.value)" } ?? "–"
      }
      let spread = group.finalSpread(metric)
      let mean = spread.map { "\(format($0.mean)) ± \(format($0.standardDeviation))" } ?? "–"
      let range = spread.map { "\(format($0.minimum))–\(format($0.maximum))" } ?? "–"
      var versus = "best"
      if index != order[0] {
        versus = GroupDifference(best, group, metric: metric).map(verdictCell) ?? "–"
      }
      return values + ["\(group.runs.count)", mean, range, versus]
    }
    let numeric = Set(
      axes.indices.filter { column in
        rows.allSatisfy { Double($0[column]) != nil }
      } + [axes.count])
    var lines = aligned([header] + rows, rightAligned: numeric)
    if order.count > 1,
      let difference = GroupDifference(best, groups[order[1]], metric: metric)
    {
      lines += [""] + sentences(difference, names: (best.name, groups[order[1]].name))
    }
    return lines.joined(separator: "\n")
  }

  /// `worse: real (p = 0.012)` or `within seed noise (p = 0.41)`.
  private static func verdictCell(_ difference: GroupDifference) -> String {
    guard let test = difference.test else { return "too few seeds to tell" }
    switch difference.verdict {
    case .real: return "worse: real (\(pText(test.p)))"
    default: return "within seed noise (\(pText(test.p)))"
    }
  }

  /// Two groups side by side on `metric`, then the answer in words.
  static func comparison(
    _ difference: GroupDifference, names: (better: String, worse: String)
  ) -> String {
    let direction = difference.lowerIsBetter ? "lower is better" : "higher is better"
    let rows = [
      [names.better, spread(difference.betterSpread)],
      [names.worse, spread(difference.worseSpread)],
    ]
    let head =
      "\(difference.metric) at the last epoch, over seeds (mean ± std (min–max); \(direction)):"
    return
      ([head] + aligned(rows, rightAligned: []).map { "  " + $0 }
      + sentences(
        difference, names: names)).joined(separator: "\n")
  }

  /// "a beats b on all 5 seeds; the difference, 0.12, is 6.1× the seed spread." and the test.
  static func sentences(
    _ difference: GroupDifference, names: (better: String, worse: String)
  ) -> [String] {
    let metric = difference.metric
    guard difference.difference > 0 else {
      return [
        "\(names.better) and \(names.worse) end at the same mean \(metric), "
          + "\(format(difference.betterSpread.mean)): no difference."
      ]
    }
    var how = "on average"
    if let wins = difference.seedWins {
      how = wins.won == wins.of ? "on all \(wins.of) seeds" : "on \(wins.won) of \(wins.of) seeds"
    } else if separated(difference) {
      how = "with every run"
    }
    let ratio = difference.differenceInSpreads
    let size =
      ratio.isInfinite
      ? "while no seed changes either result"
      : "\(String(format: "%.1f", ratio))× the seed spread"
    let first =
      "\(names.better) beats \(names.worse) \(how); the difference in \(metric), "
      + "\(format(difference.difference)), is \(size)."
    guard let test = difference.test else {
      return [
        first,
        "With a single run on one side there is no seed spread to weigh it against: sweep 3 or "
          + "more seeds to tell a real difference from luck.",
      ]
    }
    let statistic = test.t.isFinite ? "t = \(String(format: "%.2f", abs(test.t))), " : ""
    let answer =
      difference.verdict == .real
      ? "Real: seed noise alone rarely gives a difference this large."
      : "Not shown to be real: seed noise alone often gives a difference this large (more "
        + "seeds can tell)."
    return [first, "Welch's t-test: \(statistic)\(pText(test.p)). \(answer)"]
  }

  /// Whether every run of the better group beats every run of the other.
  private static func separated(_ difference: GroupDifference) -> Bool {
    difference.lowerIsBetter
      ? difference.betterSpread.maximum < difference.worseSpread.minimum
      : difference.betterSpread.minimum > difference.worseSpread.maximum
  }

  /// `p = 0.0123`, or `p < 0.0001` for smaller.
  static func pText(_ p: Double) -> String {
    p < 0.0001 ? "p < 0.0001" : "p = \(format(p))"
  }

  private static func format(_ value: Double) -> String { NumberFormat.format(value) }

  /// Rows as columns two spaces apart: left-aligned text, right-aligned `rightAligned` columns,
  /// no trailing spaces.
  private static func aligned(_ rows: [[String]], rightAligned: Set<Int>) -> [String] {
    let columns = rows.map(\.count).max() ?? 0
    let widths = (0..<columns).map { column in
      rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
    }
    return rows.map { row in
      row.indices.map { column in
        let padding = String(repeating: " ", count: widths[column] - row[column].count)
        return rightAligned.contains(column) ? padding + row[column] : row[column] + padding
      }.joined(separator: "  ").replacingOccurrences(
        of: "\\s+$", with: "", options: .regularExpression)
    }
  }
}
