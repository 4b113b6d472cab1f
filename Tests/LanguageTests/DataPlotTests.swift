import Datasets
import Foundation
import Language
import Learning
import Testing

/// Charts of data and models: scatter, decision boundary, confusion matrix, SVG files, colour.
struct DataPlotTests {
  static func charts(_ pieces: [OutputPiece]) -> [(terminal: String, svg: String)] {
    pieces.compactMap {
      if case .chart(let terminal, let svg) = $0 { (terminal, svg) } else { nil }
    }
  }

  @Test func scatterAndBoundaryEmitPlainChartsUnlessTheSessionAsksForColour() throws {
    let session = Session()
    _ = session.run("data = moons(n: 100, seed: 1)\nnet = mlp(inputs: 2, seed: 1)", origin: nil)
    for source in ["scatter(data)", "boundary(net, data)"] {
      let drawn = Self.charts(session.run(source, origin: nil))
      #expect(drawn.count == 1)
      #expect(drawn.first?.svg.contains("<svg") == true)
      #expect(drawn.first?.terminal.contains("\u{1B}[") == false)
      #expect(drawn.first?.terminal.contains("moons") == true)
    }
    session.usesColor = true
    #expect(
      Self.charts(session.run("boundary(net, data)", origin: nil)).first?.terminal
        .contains("\u{1B}[") == true)
  }

  @Test func boundaryAndScatterExplainDataTheyCannotDraw() {
    let session = Session()
    _ = session.run("net = mlp(inputs: 4, outputs: 3)\niris = load(\"iris\")", origin: nil)
    #expect(
      firstDiagnostic("boundary(net, iris)", in: session)?.hasPrefix(
        "line 1, column 15: a decision boundary needs data with 2 features; this data has 4")
        == true)
    #expect(
      firstDiagnostic("boundary(net, moons())", in: session)?.hasPrefix(
        "line 1, column 15: the first layer, dense(4, 16), cannot take data with 2 features")
        == true)
    #expect(
      firstDiagnostic("scatter(linear(weights: [1, 2]))", in: session)?.hasPrefix(
        "line 1, column 9: a chart of regression data needs 1 feature; this data has 2") == true)
    #expect(
      Self.charts(session.run("scatter(iris)", origin: nil)).first?.terminal
        .contains("first 2 of 4 features") == true)
  }

  @Test func aRegressionModelIsDrawnAsItsCurveOverTheData() {
    let session = Session()
    let drawn = Self.charts(session.run("boundary(mlp(inputs: 1), sine(n: 30))", origin: nil))
    #expect(drawn.first?.terminal.contains("model and sine") == true)
  }

  @Test func chartsAreWrittenAsSVGThroughThePathHook() throws {
    try withSessionInTemporaryFolder { session, folder in
      let drawn = Self.charts(session.run("scatter(moons(n: 50), to: \"moons.svg\")", origin: nil))
      let written = try String(contentsOfFile: folder + "/moons.svg", encoding: .utf8)
      #expect(written == drawn.first?.svg)
      #expect(
        firstDiagnostic("scatter(moons(), to: \"no/such/folder/x.svg\")", in: session)?
          .hasPrefix(
            "line 1, column 18: cannot write \"no/such/folder/x.svg\": its folder does not exist")
          == true)
    }
  }

  @Test func confusionCountsMatchPredictionsMadeByHand() throws {
    let session = Session()
    _ = session.run(
      "data = blobs(n: 90, centers: 3, seed: 4)\nnet = mlp(inputs: 2, hidden: [],"
        + " outputs: 3, seed: 1)", origin: nil)
    let data = try #require(dataset("data", in: session))
    let net = try #require(model("net", in: session)).model
    let weight = net.parameters[0].value
    let bias = net.parameters[1].value
    var expected = [[Int]](repeating: [0, 0, 0], count: 3)
    for row in 0..<data.count {
      let x = (data.features[2 * row], data.features[2 * row + 1])
      let scores = (0..<3).map { weight[2 * $0] * x.0 + weight[2 * $0 + 1] * x.1 + bias[$0] }
      let guess = scores.indices.max { scores[$0] < scores[$1] } ?? 0
      expected[Int(data.targets[row])][guess] += 1
    }
    let pieces = session.run("counts = confusion(net, data)", origin: nil)
    #expect(Self.charts(pieces).first?.terminal.contains("accuracy") == true)
    let echo =
      "counts: ["
      + expected.map { "[" + $0.map(String.init).joined(separator: ", ") + "]" }
      .joined(separator: ", ") + "]"
    #expect(pieces.last == .text(echo))
    #expect(
      firstDiagnostic("confusion(net, moons())", in: session)?.hasPrefix(
        "line 1, column 11: this model gives 3 outputs but the data has 2 classes") == true)
    #expect(
      firstDiagnostic("confusion(net, sine())", in: session)?.hasPrefix(
        "line 1, column 16: a confusion matrix needs classes") == true)
  }
}

/// `plotDataOrModel`, as the `plot` built-in of training calls it.
struct PlotHookTests {
  /// A session with the standard `plot`.
  static func session() -> Session { Session() }

  @Test func drawsDataAndModelsAndLeavesTheRestToTheCaller() {
    let session = Self.session()
    _ = session.run("data = moons(n: 50, seed: 1)\nnet = mlp(inputs: 2)", origin: nil)
    for source in ["plot(data)", "plot(net, data)"] {
      let pieces = session.run(source, origin: nil)
      #expect(DataPlotTests.charts(pieces).count == 1, "\(source)")
    }
    if BuiltinRegistry.standard["plot"] == nil {
      #expect(session.run("plot(3)", origin: nil) == [.text("\"not mine\"")])
    }
    #expect(
      firstDiagnostic("plot(net)", in: session)?.contains(
        "to plot a model, give the data to draw it on") == true)
  }
}
