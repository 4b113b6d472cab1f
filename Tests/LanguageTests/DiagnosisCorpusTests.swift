import Language
import Learning
import Testing

/// The labelled corpus in `DiagnosisCorpus/`: scripts that train real runs on trainbook's own
/// data, each headed by the verdict a teacher gives every run it makes (`# verdict:`) and why
/// (`# why:`). Every run is diagnosed; the confusion matrix of expected against given verdicts is
/// printed and must be diagonal. Every line of advice must run in the session that made the run
/// (so it uses names that exist there), must not ask for a larger rate for a run that bounces,
/// must not repeat early stopping for a run that had it, and must not evaluate on a test set.
struct DiagnosisCorpusTests {
  static let folder =
    String(#filePath.dropLast("DiagnosisCorpusTests.swift".count)) + "DiagnosisCorpus/"

  /// One diagnosed run of the corpus.
  struct Case {
    var script: String
    var run: String
    var expected: Diagnosis.Verdict
    var given: Diagnosis.Verdict
    var advice: [String]
    var record: RunRecord
  }

  @Test func everyRunGetsTheTeachersVerdictAndTypeableAdvice() throws {
    let scripts = try listFiles(in: Self.folder).filter { $0.hasSuffix(".tb") }.sorted()
    var cases: [Case] = []
    for script in scripts {
      let source = try readFile(Self.folder + script)
      let header = source.split(separator: "\n").map(String.init)
      let verdictName = header.first { $0.hasPrefix("# verdict: ") }?.dropFirst(11)
      guard let name = verdictName, let expected = Diagnosis.Verdict(rawValue: String(name)) else {
        Issue.record("\(script) has no `# verdict:` line naming a verdict")
        continue
      }
      #expect(header.contains { $0.hasPrefix("# why: ") }, "\(script) does not say why")
      let session = Session()
      runClean(source, in: session)
      let runs = session.runs.all
      #expect(runs.count >= 3, "\(script) should train several seeds")
      for run in runs {
        session.define("examined", as: .host(run))
        let printed = text(runClean("diagnose(examined)", in: session))
        let lines = printed.split(separator: "\n").map(String.init)
        let advice = lines.drop { $0 != "try:" }.dropFirst().prefix { $0.hasPrefix("  ") }
          .map { String($0.dropFirst(2)) }
        let diagnosis = Diagnosis(of: run.record)
        cases.append(
          Case(
            script: script, run: run.record.name, expected: expected, given: diagnosis.verdict,
            advice: advice, record: run.record))
      }
      for line in Set(cases.filter { $0.script == script }.flatMap(\.advice)) {
        runClean(line, in: session)
      }
    }
    print(Self.matrix(cases))
    for wrong in cases where wrong.given != wrong.expected {
      let message =
        "\(wrong.script), run \"\(wrong.run)\": expected \(wrong.expected.rawValue), "
        + "diagnosed \(wrong.given.rawValue)"
      Issue.record("\(message)")
    }
    #expect(cases.count >= 40)
    let covered = Set(cases.map(\.expected))
    for verdict in Diagnosis.Verdict.allCases where verdict != .tooShort {
      #expect(covered.contains(verdict), "no run of the corpus is labelled \(verdict.rawValue)")
    }
    for item in cases { Self.checkAdvice(item) }
  }

  /// The advice of one run never raises the rate of a run that bounces, never repeats early
  /// stopping, never evaluates a test set.
  static func checkAdvice(_ item: Case) {
    let rate = AdviceSettings(item.record).rate
    for line in item.advice {
      #expect(!line.contains("evaluate("), "\(item.run): \(line)")
      if AdviceSettings(item.record).earlyStopping != nil {
        #expect(!line.contains("early_stopping"), "\(item.run): \(line)")
      }
      if [.unstable, .noisy, .diverged].contains(item.given),
        let written = line.firstRange(of: "lr: ").map({ line[$0.upperBound...] }),
        let value = Double(written.prefix { $0.isNumber || $0 == "." || $0 == "e" || $0 == "-" })
      {
        #expect(value <= rate, "\(item.run) bounces but is advised rate \(value): \(line)")
      }
    }
  }

  /// The confusion matrix as a Markdown table: a row per expected verdict, a column per given.
  static func matrix(_ cases: [Case]) -> String {
    let verdicts = Diagnosis.Verdict.allCases.filter { verdict in
      cases.contains { $0.expected == verdict || $0.given == verdict }
    }
    var lines = [
      "| expected \\ given | " + verdicts.map(\.rawValue).joined(separator: " | ") + " |",
      "| --- |" + String(repeating: " ---: |", count: verdicts.count),
    ]
    for expected in verdicts {
      let counts = verdicts.map { given in
        cases.filter { $0.expected == expected && $0.given == given }.count
      }
      lines.append(
        "| \(expected.rawValue) | "
          + counts.map { $0 == 0 ? "·" : "\($0)" }.joined(separator: " | ") + " |")
    }
    return lines.joined(separator: "\n")
  }
}
