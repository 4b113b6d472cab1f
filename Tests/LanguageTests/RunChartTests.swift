import Foundation
import Language
import Testing

/// Charts that show what the lessons say: a log-scale y axis for losses whose first epochs dwarf
/// the rest (or on request), legends that name runs by their variables, and lr_find's suggested
/// rate marked on its curve.
struct RunChartTests {
  static let runs = """
    small = sine(n: 20, noise: 0.3, seed: 1)
    few, check = split(small, fractions: [0.5, 0.5], seed: 1)
    calm = fit(mlp(inputs: 1, hidden: [8], outputs: 1, seed: 1), few, validation: check, epochs: 5, batch: 4, optimizer: adam(lr: 0.01), seed: 1)
    wild = fit(mlp(inputs: 1, hidden: [128, 128], outputs: 1, seed: 1), few, validation: check, epochs: 60, batch: 2, optimizer: adam(lr: 0.01), seed: 1, name: "big")
    """

  /// The y tick labels of a chart's terminal rendering, top to bottom.
  func yTicks(_ chart: String) -> [String] {
    chart.split(separator: "\n").compactMap { line in
      guard let bar = line.firstIndex(of: "┤") else { return nil }
      return line[..<bar].trimmingCharacters(in: .whitespaces)
    }
  }

  @Test func legendsNameRunsByTheirVariablesUnlessTheRunHasAName() {
    let session = Session()
    _ = session.run(Self.runs, origin: nil)
    let chart = outputs("plot([calm, wild])", in: session)
    #expect(chart.split(separator: "\n").last?.contains("calm") == true, "\(chart)")
    #expect(chart.split(separator: "\n").last?.contains("big") == true, "\(chart)")
    #expect(!chart.contains("run 1"))
  }

  @Test func aLossWhoseFirstEpochsDwarfTheRestIsDrawnOnALogScale() {
    let session = Session()
    _ = session.run(Self.runs, origin: nil)
    // The big model's validation loss starts above 4 and then stays below 1.
    let automatic = yTicks(outputs("plot([calm, wild])", in: session))
    #expect(automatic.contains("1") && automatic.contains("0.5") && automatic.contains("2"))
    let linear = yTicks(outputs("plot([calm, wild], log_y: false)", in: session))
    #expect(linear.contains("0") && !linear.contains("0.5"), "\(linear)")
    // A short, calm curve stays linear unless asked.
    let calm = yTicks(outputs("plot(calm)", in: session))
    #expect(calm != yTicks(outputs("plot(calm, log_y: true)", in: session)))
    // Accuracy is never put on a log scale by itself.
    _ = session.run(
      "acc = fit(mlp(inputs: 2, seed: 1), moons(n: 40, seed: 1), epochs: 3, metrics: [\"accuracy\"], seed: 1)",
      origin: nil)
    #expect(
      yTicks(outputs("plot(acc, metric: \"accuracy\")", in: session))
        == yTicks(outputs("plot(acc, metric: \"accuracy\", log_y: false)", in: session)))
  }

  @Test func lrFindMarksItsSuggestedRate() {
    let session = Session()
    _ = session.run(
      "found = lr_find(mlp(inputs: 2, seed: 1), moons(n: 200, seed: 1), steps: 50, seed: 1)",
      origin: nil)
    let suggestion = outputs("print(found.suggestion)", in: session)
    let chart = outputs("plot(found)", in: session)
    #expect(chart.split(separator: "\n").last?.contains("suggested lr " + suggestion) == true)
  }
}
