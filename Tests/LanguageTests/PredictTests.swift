import Foundation
import Language
import Learning
import TestSupport
import Testing

/// `predict` gives probabilities for a model trained with a classification loss (as Keras'
/// `predict` does for a model ending in sigmoid or softmax), and the same on a dataset as on a
/// list of its points. Expected values are the model's raw outputs put through the logistic
/// function or softmax here, apart from the built-in.
struct PredictTests {
  let points: [[Float]] = [[0, 0.5], [1, -0.5], [-1, 1]]
  var pointsSource: String {
    "[" + points.map { "[\($0[0]), \($0[1])]" }.joined(separator: ", ") + "]"
  }

  /// The model `name`'s raw outputs (logits) for `points`, one row per point.
  func rawOutputs(_ name: String, in session: Session) throws -> [[Double]] {
    let net = try #require(model(name, in: session)).model
    let input = Matrix(rows: points.count, columns: 2, values: points.flatMap { $0 })
    let output = try net.predict(input)
    return (0..<output.rows).map { row in (0..<output.columns).map { Double(output[row, $0]) } }
  }

  /// The numbers of a list of lists.
  func rows(_ source: String, in session: Session) -> [[Double]] {
    guard case .list(let rows)? = evaluate(source, in: session) else { return [] }
    return rows.map { row in
      guard case .list(let values) = row else { return [] }
      return values.compactMap { if case .number(let x) = $0 { x } else { nil } }
    }
  }

  @Test func aBinaryClassifierGivesTheProbabilityOfClassOne() throws {
    let session = Session()
    runClean(
      "data = moons(n: 100, seed: 1)\nnet = mlp(inputs: 2, hidden: [8], outputs: 1, seed: 1)\n"
        + "run = fit(net, data, loss: bce, epochs: 3, seed: 1)", in: session)
    let logits = try rawOutputs("net", in: session).map { $0[0] }
    let expected = logits.map { 1 / (1 + exp(-$0)) }
    expectClose(evaluatedNumbers("predict(net, \(pointsSource))", in: session), expected)
    #expect(expected.allSatisfy { $0 > 0 && $0 < 1 } && logits.contains { $0 < 0 || $0 > 1 })
    runClean("twin = copy(net)", in: session)
    expectClose(evaluatedNumbers("predict(twin, \(pointsSource))", in: session), expected)
  }

  @Test func aMulticlassClassifierGivesClassProbabilitiesThatSumToOne() throws {
    let session = Session()
    runClean(
      "data = blobs(n: 90, centers: 3, seed: 1)\n"
        + "net = mlp(inputs: 2, hidden: [8], outputs: 3, seed: 1)\n"
        + "run = fit(net, data, loss: cross_entropy, epochs: 3, seed: 1)", in: session)
    let expected = try rawOutputs("net", in: session).map { logits in
      let exponentials = logits.map { exp($0) }
      return exponentials.map { $0 / exponentials.reduce(0, +) }
    }
    let predicted = rows("predict(net, \(pointsSource))", in: session)
    #expect(predicted.count == points.count)
    for (row, reference) in zip(predicted, expected) {
      expectClose(row, reference)
      expectClose([row.reduce(0, +)], [1])
    }
  }

  @Test func aRegressionModelAndAnUntrainedOneOnPointsGiveRawOutputs() throws {
    let session = Session()
    runClean(
      "net = mlp(inputs: 2, hidden: [8], outputs: 1, seed: 1)\n"
        + "wide = mlp(inputs: 2, hidden: [8], outputs: 3, seed: 1)", in: session)
    let raw = try rawOutputs("net", in: session).map { $0[0] }
    expectClose(evaluatedNumbers("predict(net, \(pointsSource))", in: session), raw)
    let rawRows = try rawOutputs("wide", in: session)
    for (row, reference) in zip(rows("predict(wide, \(pointsSource))", in: session), rawRows) {
      expectClose(row, reference)
    }
    runClean(
      "line = linear(n: 50, weights: [1, 2], seed: 1)\nrun = fit(net, line, epochs: 1, seed: 1)",
      in: session)
    let trained = try rawOutputs("net", in: session).map { $0[0] }
    #expect(trained != raw)
    expectClose(evaluatedNumbers("predict(net, \(pointsSource))", in: session), trained)
  }

  @Test func aDatasetAndItsPointsGiveTheSamePredictions() throws {
    let session = Session()
    runClean(
      "data = moons(n: 3, seed: 2)\nnet = mlp(inputs: 2, hidden: [8], outputs: 1, seed: 1)",
      in: session)
    let features = try #require(dataset("data", in: session)).features.map(Double.init)
    let written = (0..<3).map { "[\(features[2 * $0]), \(features[2 * $0 + 1])]" }
    let pointsOfData = "[" + written.joined(separator: ", ") + "]"
    let onPoints = evaluatedNumbers("predict(net, \(pointsOfData))", in: session)
    let onData = evaluatedNumbers("predict(net, data)", in: session)
    // Untrained: points give logits, the binary dataset its probabilities.
    expectClose(onData, onPoints.map { 1 / (1 + exp(-$0)) })
    runClean("run = fit(net, data, epochs: 1, seed: 1)", in: session)
    expectClose(
      evaluatedNumbers("predict(net, \(pointsOfData))", in: session),
      evaluatedNumbers("predict(net, data)", in: session))
  }
}
