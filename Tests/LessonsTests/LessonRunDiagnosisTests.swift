import Foundation
import Language
import Learning
import Lessons
import Testing

/// Every run whose behaviour a lesson's text names ("that is overfitting", "the loss has hardly
/// moved") is diagnosed the way the text says. The lesson's code runs step by step in a fresh
/// session, as a learner types it; the run is found by its variable or by its run name; the
/// lesson's words are checked to still be in its text, so a change of either shows here.
@Suite struct LessonRunDiagnosisTests {
  /// A run a lesson describes, the words it uses, and the verdict those words mean.
  struct Described: Sendable {
    var run: String
    var words: String
    var verdict: Diagnosis.Verdict
  }

  static let described: [String: [Described]] = [
    "10-reading-curves": [
      Described(run: "a", words: "Train run A and plot it", verdict: .overfitting),
      Described(
        run: "b", words: "Both curves fall a little at first, then lie flat", verdict: .underfitting
      ),
      Described(run: "c", words: "A curve that keeps jumping back up", verdict: .unstable),
      Described(
        run: "d", words: "here the curves are still going down at the end", verdict: .stillImproving
      ),
      Described(run: "good", words: "should say \"good fit\"", verdict: .goodFit),
    ],
    "13-distribution-shift": [
      Described(run: "run", words: "`diagnose(run)` calls it a good fit", verdict: .goodFit)
    ],
    "12-recipe": [
      Described(run: "small", words: "this model is still learning", verdict: .stillImproving)
    ],
    "03-fitting": [
      Described(run: "under", words: "the signature of underfitting", verdict: .underfitting),
      Described(run: "good", words: "the model learned the wave, not the noise", verdict: .goodFit),
      Described(run: "over", words: "That is overfitting", verdict: .overfitting),
      Described(
        run: "more", words: "with more data the curve should not climb much", verdict: .goodFit),
    ],
    "04-regularization": [
      Described(run: "base", words: "The overfit baseline", verdict: .overfitting)
    ],
    "05-learning-rate": [
      Described(run: "lr 0.0001", words: "the loss has hardly moved", verdict: .barelyMoving),
      Described(
        run: "lr 10", words: "the largest rate is worse again, because its steps jump over",
        verdict: .unstable),
      Described(run: "wild", words: "it overflowed and became NaN", verdict: .diverged),
      Described(run: "bumpy", words: "near the minimum it keeps bouncing", verdict: .unstable),
    ],
  ]

  @Test(arguments: described.keys.sorted()) func describedRunsAreDiagnosedAsTheTextSays(
    _ folder: String
  ) throws {
    let library = try LessonLibrary(root: ShippedLessonsTests.root)
    let lesson = try #require(library.lessons.first { $0.folder == folder })
    let text = try String(
      contentsOfFile: ShippedLessonsTests.root + "/\(folder)/lesson.md", encoding: .utf8)
    let session = Session()
    for step in lesson.text.steps {
      for case .error(let message) in session.run(step.completingCode, origin: nil) {
        Issue.record("\(folder), step \(step.number): \(message)")
      }
    }
    for item in Self.described[folder] ?? [] {
      #expect(
        text.replacingOccurrences(of: "\n", with: " ").contains(item.words),
        "\(folder) no longer says \"\(item.words)\" of \(item.run)")
      let named: RunObject? =
        if case .host(let run as RunObject) = session.value(of: item.run) { run } else { nil }
      let run = try #require(
        named ?? session.runs.all.first { $0.record.name == item.run },
        "\(folder) has no run \(item.run)")
      let verdict = Diagnosis(of: run.record).verdict
      #expect(
        verdict == item.verdict,
        "\(folder): \(item.run) is \"\(item.words)\", but diagnose says \(verdict.rawValue)")
    }
  }
}
