import Language
import REPL

/// A tiny stand-in language for the prompt's tests, one statement per line:
/// `name = number` defines a variable, a bare name or number is echoed, `train(epochs: N)`
/// reports progress (stopping at a Ctrl-C, which `interruptAtBatch` simulates), `show "text"`
/// prints, a cell with braces runs as a block, and anything else is an error.
final class FakeSession: InteractiveSession {
  var onOutput: ((OutputPiece) -> Void)?
  var onProgress: ((ProgressEvent) -> Void)?
  private(set) var values: [(name: String, value: String)] = []
  private(set) var cellsRun: [String] = []
  /// The batch (counted over the whole run) at which `train` simulates a Ctrl-C, if any.
  var interruptAtBatch: Int?

  static let builtins = ["print", "plot", "train", "for", "if"]
  static let labels = ["train": ["epochs:", "batch:"]]
  static let fields = ["best_epoch", "best_loss", "history"]

  func run(cell source: String) -> [OutputPiece] {
    cellsRun.append(source)
    var pieces: [OutputPiece] = []
    let emit = { (piece: OutputPiece) in
      pieces.append(piece)
      self.onOutput?(piece)
    }
    if source.contains("{") {
      emit(.text("ran a block of \(source.split(separator: "\n").count) lines"))
      return pieces
    }
    for line in source.split(separator: "\n").map(String.init) {
      let words = line.split(separator: " ").map(String.init)
      if words.count == 3, words[1] == "=" {
        values.removeAll { $0.name == words[0] }
        values.append((words[0], words[2]))
        emit(.text("\(words[0]): \(words[2])"))
      } else if let value = values.first(where: { $0.name == line })?.value {
        emit(.text(value))
      } else if Double(line) != nil {
        emit(.text(line))
      } else if line.hasPrefix("show ") {
        emit(.text(String(line.dropFirst(5).filter { $0 != "\"" })))
      } else if line.hasPrefix("train(epochs: "), let epochs = Int(line.dropFirst(14).dropLast()) {
        train(epochs: epochs)
        emit(.timing("took 0.3s"))
      } else {
        emit(.error("line 1, column 1: unknown name `\(line)`\n  \(line)\n  ^"))
        return pieces
      }
    }
    return pieces
  }

  /// Two batches per epoch, a tenth of a second each, with a loss that halves every epoch.
  private func train(epochs: Int) {
    var loss = 1.0
    var batchesRun = 0
    for epoch in 1...epochs {
      for batch in 1...2 {
        batchesRun += 1
        if batchesRun == interruptAtBatch { Interrupt.request() }
        if Interrupt.isRequested {
          let summary = TrainingSummary(
            epochsRun: epoch - 1, epochs: epochs, elapsed: Double(batchesRun - 1) / 10,
            stopReason: "interrupted by Ctrl-C")
          onProgress?(.finished(summary))
          return
        }
        let report = ProgressReport(
          epoch: epoch, epochs: epochs, batch: batch, batches: 2, loss: loss,
          elapsed: Double(batchesRun) / 10)
        onProgress?(.batch(report))
      }
      let report = ProgressReport(
        epoch: epoch, epochs: epochs, batch: 2, batches: 2, loss: loss,
        validationLoss: loss * 1.5, elapsed: Double(batchesRun) / 10)
      onProgress?(.epoch(report))
      loss /= 2
    }
    let final = ProgressReport(
      epoch: epochs, epochs: epochs, batch: 2, batches: 2, loss: loss * 2,
      validationLoss: loss * 3, elapsed: Double(epochs) / 5)
    let summary = TrainingSummary(
      epochsRun: epochs, epochs: epochs, bestEpoch: epochs, bestLoss: loss * 3, final: final,
      elapsed: Double(epochs) / 5)
    onProgress?(.finished(summary))
  }

  func isComplete(_ source: String) -> Bool {
    let opened = source.filter { $0 == "{" || $0 == "(" }.count
    return opened <= source.filter { $0 == "}" || $0 == ")" }.count
  }

  func isInsideString(_ text: String) -> Bool { text.filter { $0 == "\"" }.count % 2 == 1 }

  func completions(for text: String) -> [String] {
    let word = String(text.reversed().prefix { $0.isLetter || $0 == "_" }.reversed())
    let before = text.dropLast(word.count)
    var candidates = values.map(\.name) + Self.builtins
    if before.hasSuffix(".") {
      candidates = Self.fields
    } else if before.contains("train("), !before.contains(")") {
      candidates = (Self.labels["train"] ?? []) + candidates
    }
    return candidates.filter { $0.hasPrefix(word) && $0 != word }
  }

  var definedNames: [(name: String, summary: String)] {
    values.map { ($0.name, "number \($0.value)") }
  }

  func reset() { values = [] }
}
