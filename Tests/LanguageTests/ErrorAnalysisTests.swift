import Foundation
import Language
import Learning
import TestSupport
import Testing

/// Error analysis: `threshold:` on the binary metrics and `confusion`, `mistakes` and `pr_curve`.
/// Expected values are counted here from `predict`'s probabilities, apart from the built-ins.
struct ErrorAnalysisTests {
  /// A session with a binary classifier `net` trained a little on `data` (moons).
  func moonsSession() -> Session {
    let session = Session()
    runClean(
      "data = moons(n: 120, noise: 0.3, seed: 2)\n"
        + "net = mlp(inputs: 2, hidden: [8], outputs: 1, seed: 1)\n"
        + "run = fit(net, data, loss: bce, epochs: 15, seed: 1)", in: session)
    return session
  }

  /// The true classes of `data` in `session`.
  func truth(in session: Session) throws -> [Int] {
    try #require(dataset("data", in: session)).targets.map { Int($0) }
  }

  @Test func aThresholdMovesPrecisionAndRecallAsCountedFromTheProbabilities() throws {
    let session = moonsSession()
    let probabilities = evaluatedNumbers("predict(net, data)", in: session)
    let labels = try truth(in: session)
    #expect(probabilities.count == labels.count)
    for threshold in [0.2, 0.5, 0.8] {
      let predicted = probabilities.map { $0 > threshold ? 1 : 0 }
      let pairs = zip(predicted, labels)
      let truePositives = Double(pairs.filter { $0 == 1 && $1 == 1 }.count)
      let positives = Double(predicted.filter { $0 == 1 }.count)
      // No sample predicted positive: precision 0, as scikit-learn's zero_division gives it.
      let precision = positives == 0 ? 0 : truePositives / positives
      let recall = truePositives / Double(labels.filter { $0 == 1 }.count)
      let accuracy = Double(pairs.filter { $0 == $1 }.count) / Double(labels.count)
      expectClose(
        evaluatedNumber("precision(net, data, threshold: \(threshold))", in: session) ?? .nan,
        precision)
      expectClose(
        evaluatedNumber("recall(net, data, threshold: \(threshold))", in: session) ?? .nan, recall)
      expectClose(
        evaluatedNumber("accuracy(net, data, threshold: \(threshold))", in: session) ?? .nan,
        accuracy)
      let counts = evaluate("confusion(net, data, threshold: \(threshold))", in: session)
      let predictedPositive = predicted.filter { $0 == 1 }.count
      guard case .list(let rows)? = counts, rows.count == 2,
        case .list(let first) = rows[0], case .list(let second) = rows[1],
        case .number(let a) = first[1], case .number(let b) = second[1]
      else {
        Issue.record("confusion returned \(String(describing: counts))")
        continue
      }
      #expect(Int(a + b) == predictedPositive)
    }
    #expect(
      evaluatedNumber("recall(net, data)", in: session)
        == evaluatedNumber("recall(net, data, threshold: none)", in: session))
  }

  @Test func aThresholdIsRefusedForMoreThanTwoClassesAndOutsideZeroToOne() {
    let session = Session()
    runClean(
      "blobs3 = blobs(n: 60, centers: 3, seed: 1)\n"
        + "net = mlp(inputs: 2, hidden: [4], outputs: 3, seed: 1)", in: session)
    for call in ["precision", "mistakes", "confusion"] {
      let text = outputs("\(call)(net, blobs3, threshold: 0.3)", in: session)
      #expect(text.contains("a threshold decides between two classes"), "\(call): \(text)")
    }
    #expect(
      outputs("recall(net, blobs3, threshold: 1.5)", in: session)
        .contains("must be from 0 to 1"))
  }

  @Test func mistakesAreTheMisclassifiedSamplesMostConfidentFirst() throws {
    let session = moonsSession()
    let probabilities = evaluatedNumbers("predict(net, data)", in: session)
    let labels = try truth(in: session)
    let wrong = labels.indices.filter { (probabilities[$0] > 0.5 ? 1 : 0) != labels[$0] }
    runClean("found = mistakes(net, data, limit: 0)", in: session)
    let indices = evaluatedNumbers("found.indices", in: session).map { Int($0) }
    #expect(Set(indices) == Set(wrong) && indices.count == wrong.count)
    #expect(evaluatedNumber("found.count", in: session) == Double(wrong.count))
    let confidence = evaluatedNumbers("found.confidence", in: session)
    expectClose(confidence, indices.map { max(probabilities[$0], 1 - probabilities[$0]) })
    #expect(zip(confidence, confidence.dropFirst()).allSatisfy { $0 >= $1 })
    let right = evaluatedNumber(
      "mistakes(net, data, which: \"right\", limit: 0).count", in: session)
    #expect(right == Double(labels.count - wrong.count))
    let ones = evaluatedNumbers("mistakes(net, data, true_class: 1, limit: 0).indices", in: session)
    #expect(Set(ones.map { Int($0) }) == Set(wrong.filter { labels[$0] == 1 }))
    #expect(evaluatedNumber("len(found)", in: session) == Double(wrong.count))
  }

  @Test func mistakesAreDrawnAsImagesPointsOrATable() {
    let session = moonsSession()
    let plane = outputs("mistakes(net, data)", in: session)
    #expect(plane.contains("misclassified"))
    runClean(
      "digits = load(\"digits\")\n"
        + "dnet = mlp(inputs: 64, hidden: [16], outputs: 10, seed: 1)\n"
        + "drun = fit(dnet, digits, epochs: 2, seed: 1)", in: session)
    let images = outputs("mistakes(dnet, digits, limit: 3)", in: session)
    #expect(images.contains("→") && images.contains("█") && images.contains("showing 3"))
    #expect(images.contains("true class → predicted class"))
    runClean(
      "iris = load(\"iris\")\ninet = mlp(inputs: 4, hidden: [4], outputs: 3, seed: 1)",
      in: session)
    let table = outputs("mistakes(inet, iris, limit: 2)", in: session)
    #expect(table.contains("sample   true          predicted     confidence"))
    // The headline, the column names, two rows, and the echo of the returned samples.
    #expect(table.split(separator: "\n").count == 5)
  }

  @Test func aPrecisionRecallCurveIsDrawnWithItsAveragePrecision() throws {
    let session = moonsSession()
    let scores = evaluatedNumbers("predict(net, data)", in: session)
    let curve = try Metrics.precisionRecallCurve(scores: scores, labels: truth(in: session))
    let drawn = outputs("curve = pr_curve(net, data)", in: session)
    #expect(drawn.contains("precision-recall: moons") && drawn.contains("recall"))
    expectClose(
      evaluatedNumber("curve.average_precision", in: session) ?? .nan,
      Metrics.averagePrecision(of: curve))
    expectClose(evaluatedNumbers("curve.recall", in: session), curve.recalls)
    runClean("iris = load(\"iris\")\ninet = mlp(inputs: 4, outputs: 3, seed: 1)", in: session)
    #expect(outputs("pr_curve(inet, iris)", in: session).contains("for a binary classifier"))
  }
}
