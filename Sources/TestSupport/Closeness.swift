import Testing

/// Whether `actual` is within `atol + rtol * |expected|` of `expected` (NumPy's `isclose` rule).
public func isClose(_ actual: Double, _ expected: Double, rtol: Double, atol: Double) -> Bool {
  if actual == expected { return true }
  guard actual.isFinite, expected.isFinite else { return false }
  return abs(actual - expected) <= atol + rtol * abs(expected)
}

/// Records an issue unless every element of `actual` is close to the matching one of `expected`.
public func expectClose(
  _ actual: [Double], _ expected: [Double], rtol: Double = 1e-5, atol: Double = 1e-6,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  guard actual.count == expected.count else {
    Issue.record(
      "expected \(expected.count) values, got \(actual.count)", sourceLocation: sourceLocation)
    return
  }
  for (index, (a, e)) in zip(actual, expected).enumerated()
  where !isClose(a, e, rtol: rtol, atol: atol) {
    Issue.record(
      "element \(index): \(a) is not close to \(e) (rtol \(rtol), atol \(atol))",
      sourceLocation: sourceLocation)
  }
}

/// Records an issue unless `actual` is close to `expected`.
public func expectClose(
  _ actual: Double, _ expected: Double, rtol: Double = 1e-5, atol: Double = 1e-6,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  expectClose([actual], [expected], rtol: rtol, atol: atol, sourceLocation: sourceLocation)
}

/// Records an issue unless every element of `actual` is close to the matching one of `expected`.
public func expectClose(
  _ actual: [Float], _ expected: [Float], rtol: Double = 1e-5, atol: Double = 1e-6,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  expectClose(
    actual.map(Double.init), expected.map(Double.init), rtol: rtol, atol: atol,
    sourceLocation: sourceLocation)
}
