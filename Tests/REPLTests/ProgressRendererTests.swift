import REPL
import Testing

@Suite struct ProgressRendererTests {
  static let clear = "\r\u{1B}[2K"

  static func report(
    epoch: Int = 3, batch: Int = 5, elapsed: Double = 1.25, validation: Double? = nil,
    metrics: [Metric] = []
  ) -> ProgressReport {
    ProgressReport(
      epoch: epoch, epochs: 20, batch: batch, batches: 10, loss: 0.412345,
      validationLoss: validation, metrics: metrics, elapsed: elapsed)
  }

  @Test func liveBatchLineHasTheBarAndTheNumbers() {
    var renderer = ProgressRenderer(isLive: true, width: 100)
    let text = renderer.text(for: .batch(Self.report()))
    #expect(
      text == Self.clear + "epoch  3/20 " + String(repeating: "█", count: 10)
        + String(repeating: "░", count: 10) + "  5/10  loss 0.4123  1.2s")
  }

  @Test func liveEpochLineAddsValidationAndMetrics() {
    var renderer = ProgressRenderer(isLive: true, width: 200)
    let report = Self.report(batch: 10, validation: 0.5, metrics: [Metric("accuracy", 0.9125)])
    let text = renderer.text(for: .epoch(report))
    #expect(text.hasSuffix(" 10/10  loss 0.4123  val_loss 0.5  accuracy 0.9125  1.2s"))
    #expect(text.contains(String(repeating: "█", count: 20)))
  }

  @Test func liveLinesAreCutToTheTerminalWidth() {
    var renderer = ProgressRenderer(isLive: true, width: 30)
    let text = renderer.text(for: .batch(Self.report()))
    #expect(text.dropFirst(Self.clear.count).count == 29)
  }

  @Test func redrawsAreThrottledButTheLastBatchAlwaysShows() {
    var renderer = ProgressRenderer(isLive: true)
    #expect(!renderer.text(for: .batch(Self.report(batch: 1, elapsed: 1.00))).isEmpty)
    #expect(renderer.text(for: .batch(Self.report(batch: 2, elapsed: 1.05))).isEmpty)
    #expect(!renderer.text(for: .batch(Self.report(batch: 3, elapsed: 1.11))).isEmpty)
    #expect(!renderer.text(for: .batch(Self.report(batch: 10, elapsed: 1.12))).isEmpty)
  }

  @Test func offATerminalOnlyEpochsMakeLines() {
    var renderer = ProgressRenderer(isLive: false)
    #expect(renderer.text(for: .batch(Self.report())).isEmpty)
    let report = Self.report(epoch: 12, validation: 0.5, metrics: [Metric("accuracy", 0.9)])
    #expect(
      renderer.text(for: .epoch(report))
        == "epoch 12/20  loss 0.4123  val_loss 0.5  accuracy 0.9  1.2s\n")
  }

  @Test func summaryNamesBestEpochFinalNumbersAndTime() {
    var renderer = ProgressRenderer(isLive: false)
    let final = Self.report(
      epoch: 20, batch: 10, validation: 0.61, metrics: [Metric("accuracy", 0.875)])
    let summary = TrainingSummary(
      epochsRun: 20, epochs: 20, bestEpoch: 14, bestLoss: 0.5432, final: final, elapsed: 83)
    #expect(
      renderer.text(for: .finished(summary))
        == "trained 20 epochs in 1m 23s; best epoch 14 (val_loss 0.5432)\n"
        + "final: loss 0.4123  val_loss 0.61  accuracy 0.875\n")
  }

  @Test func summaryOfAnInterruptedRunSaysWhyAndClearsTheLiveLine() {
    var renderer = ProgressRenderer(isLive: true)
    let summary = TrainingSummary(
      epochsRun: 1, epochs: 5, bestEpoch: 1, bestLoss: 2, elapsed: 0.5,
      stopReason: "interrupted by Ctrl-C")
    #expect(
      renderer.text(for: .finished(summary))
        == Self.clear + "stopped after 1 epoch of 5 (interrupted by Ctrl-C) in 0.5s; "
        + "best epoch 1 (loss 2)\n")
  }

  @Test func colourOnlyWithAColouredStyle() {
    var plain = ProgressRenderer(isLive: true, style: .plain)
    #expect(!plain.text(for: .batch(Self.report())).dropFirst(Self.clear.count).contains("\u{1B}"))
    var coloured = ProgressRenderer(isLive: true, style: Style(usesColor: true))
    #expect(coloured.text(for: .batch(Self.report())).contains("\u{1B}[38;5;33m█"))
  }

  @Test func numbersAndDurationsReadWell() {
    #expect(fourDigits(0.412345) == "0.4123")
    #expect(fourDigits(123456) == "1.235e+05")
    #expect(fourDigits(.nan) == "nan")
    #expect(duration(0.84) == "0.8s")
    #expect(duration(125) == "2m 05s")
    #expect(duration(3780) == "1h 03m")
    #expect(duration(-1) == "?")
  }
}
