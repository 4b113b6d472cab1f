import Learning

/// A diagnosis as the learner reads it: the verdict with its explanation, the reference levels,
/// any further findings, the advice as code, and (when asked) the numbers each rule looked at.
enum DiagnosisText {
  /// The text of `diagnosis`; `explain` adds the evidence table.
  static func text(_ diagnosis: Diagnosis, explain: Bool = false) -> String {
    let first = diagnosis.findings[0]
    var lines = ["\(first.verdict.rawValue): \(first.explanation)"]
    if let reference = diagnosis.referenceText { lines.append("reference: " + reference) }
    for other in diagnosis.findings.dropFirst() {
      lines.append("also \(other.verdict.rawValue): \(other.explanation)")
    }
    let code = AdviceCode(settings: diagnosis.settings)
    var tries: [String] = []
    for finding in diagnosis.findings {
      for line in code.lines(finding.advice) where !tries.contains(line) { tries.append(line) }
    }
    if !tries.isEmpty {
      lines.append("try:")
      lines += tries.map { "  " + $0 }
    }
    if explain { lines += evidenceLines(diagnosis) }
    return lines.joined(separator: "\n")
  }

  /// What each verdict means, for `help(diagnose)`.
  static var verdictHelp: [String] {
    [
      "The reference levels: the chance loss (what predicting the training class frequencies "
        + "scores; for regression, what predicting the mean scores: the targets' variance), "
        + "chance accuracy (the most frequent class's share), and for data from a generator "
        + "with noise: σ, the noise floor (σ² for mse).",
      "",
      "Verdicts, most important first (a run can show several):",
    ] + Diagnosis.Verdict.allCases.map { "- \($0.rawValue): \($0.meaning)" }
  }

  /// The evidence, one line per number: `unstable: largest training loss over the best before
  /// it = 1.58× (test > 1.5: holds)`.
  private static func evidenceLines(_ diagnosis: Diagnosis) -> [String] {
    guard !diagnosis.evidence.isEmpty else { return ["evidence: (none: the first rule decided)"] }
    return ["evidence (each rule, the number it read, its test):"]
      + diagnosis.evidence.map { item in
        "  \(item.verdict.rawValue): \(item.measure) = \(item.value) (\(item.test): "
          + "\(item.holds ? "yes" : "no"))"
      }
  }
}
