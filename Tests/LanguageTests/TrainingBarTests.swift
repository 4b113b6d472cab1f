import Language
import Testing

/// The live bar's text for given states and widths, and the tracker that makes the states.
struct TrainingBarTests {
  /// Epoch 3 of 20, step 41 of 63 (65.08% done: 19 and a half of 30 columns).
  let bar = TrainingBar(
    epoch: 3, epochs: 20, step: 41, steps: 63, loss: 0.30123, elapsed: 4.4, remaining: 12.6)

  @Test func aWideTerminalShowsEverythingWithAThirtyColumnBar() {
    #expect(
      bar.text(columns: 97)
        == "epoch  3/20  " + String(repeating: "█", count: 19) + "▌"
        + String(repeating: "·", count: 10) + "  41/63  loss 0.3012  elapsed 0:04  eta 0:13")
  }

  @Test func narrowTerminalsDropTheElapsedTimeThenTheEstimateThenTheStepsThenTheLoss() {
    let full = { (count: Int) in String(repeating: "█", count: count) }
    let dots = { (count: Int) in String(repeating: "·", count: count) }
    #expect(
      bar.text(columns: 60) == "epoch  3/20  \(full(11))\(dots(6))  41/63  loss 0.3012  eta 0:13")
    #expect(bar.text(columns: 40) == "epoch  3/20  \(full(9))\(dots(5))  loss 0.3012")
    #expect(bar.text(columns: 20) == "epoch  3/20  \(full(4))▌\(dots(2))")
    #expect(bar.text(columns: 13) == "epoch  3/20")
    #expect(bar.text(columns: 8) == "epoch  3")
  }

  @Test func theLineNeverTakesMoreColumnsThanGiven() {
    let states = [
      bar, TrainingBar(epoch: 1, epochs: 1, step: 1, steps: 1, loss: .nan, elapsed: 0),
      TrainingBar(
        epoch: 999, epochs: 1000, step: 12345, steps: 99999, loss: -1.5e-7, elapsed: 1e12,
        remaining: .infinity),
    ]
    for state in states {
      for columns in 0...140 {
        #expect(state.text(columns: columns).count <= columns, "\(state) in \(columns) columns")
      }
    }
  }

  @Test func colourPaintsTheFilledPartAndDimsTheRest() {
    #expect(
      bar.text(columns: 20, usesColor: true)
        == "epoch  3/20  \u{1B}[36m████▌\u{1B}[0m\u{1B}[2m··\u{1B}[0m")
    let done = TrainingBar(epoch: 1, epochs: 1, step: 2, steps: 2, loss: 0, elapsed: 0)
    #expect(done.text(columns: 20, usesColor: true) == "epoch 1/1  \u{1B}[36m█████████\u{1B}[0m")
  }

  @Test func theBarFillsInEighthsOfAColumn() {
    #expect(TrainingBar.bar(width: 4, fraction: 0) == ("", "····"))
    #expect(TrainingBar.bar(width: 4, fraction: 1 / 32) == ("▏", "···"))
    #expect(TrainingBar.bar(width: 4, fraction: 0.5) == ("██", "··"))
    #expect(TrainingBar.bar(width: 4, fraction: 31 / 32) == ("███▉", ""))
    #expect(TrainingBar.bar(width: 4, fraction: 1) == ("████", ""))
    #expect(TrainingBar.bar(width: 4, fraction: 7) == ("████", ""))
  }

  @Test func timesReadAsAClock() {
    #expect(TrainingBar.clock(0) == "0:00")
    #expect(TrainingBar.clock(7.4) == "0:07")
    #expect(TrainingBar.clock(754) == "12:34")
    #expect(TrainingBar.clock(3723) == "1:02:03")
    #expect(TrainingBar.clock(-3) == "0:00")
    #expect(TrainingBar.clock(.nan) == "0:00")
  }

  /// 10 samples in batches of 4 (the last of 2), 3 epochs: the loss weighs batches by size and
  /// starts again each epoch; the estimate is the mean step time times the steps left.
  @Test func theTrackerWeighsBatchesAndEstimatesTheTimeLeft() {
    var tracker = TrainingBarTracker(epochs: 3, samples: 10, batchSize: 4)
    let first = tracker.bar(epoch: 1, step: 1, steps: 3, loss: 1, elapsed: 1)
    #expect(
      first
        == TrainingBar(
          epoch: 1, epochs: 3, step: 1, steps: 3, loss: 1, elapsed: 1, remaining: 8))
    #expect(tracker.bar(epoch: 1, step: 2, steps: 3, loss: 2, elapsed: 2).loss == 1.5)
    let last = tracker.bar(epoch: 1, step: 3, steps: 3, loss: 3, elapsed: 3)
    #expect(last.loss == 1.8 && last.remaining == 6)
    let next = tracker.bar(epoch: 2, step: 1, steps: 3, loss: 0.5, elapsed: 5)
    #expect(next.loss == 0.5 && next.remaining == 6.25)
  }
}
