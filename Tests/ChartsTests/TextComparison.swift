import Testing

/// Records an issue for each line where `actual` differs from `expected`, showing both, so that a
/// failing chart transcript points at the lines that changed.
func expectLines(
  _ actual: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  let (got, want) = (
    actual.split(separator: "\n", omittingEmptySubsequences: false),
    expected.split(separator: "\n", omittingEmptySubsequences: false)
  )
  for index in 0..<max(got.count, want.count) {
    let a = index < got.count ? String(got[index]) : "<missing>"
    let e = index < want.count ? String(want[index]) : "<missing>"
    if a != e {
      Issue.record(
        "line \(index + 1):\n  got:      \(a)\n  expected: \(e)", sourceLocation: sourceLocation)
    }
  }
}

/// Whether `text` contains an ANSI escape character.
func hasEscape(_ text: String) -> Bool { text.unicodeScalars.contains("\u{1B}") }
