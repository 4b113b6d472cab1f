import Language
import REPL

/// A tiny stand-in language for the prompt's tests, one statement per line:
/// `name = number` defines a variable, a bare name or number is echoed, `train(epochs: N)`
/// reports progress (stopping at a Ctrl-C, which `interruptAtEpoch` simulates), `show "text"`
/// prints, a cell with braces runs as a block, and anything else is an error.
final class FakeSession: InteractiveSession {
  var onOutput: ((OutputPiece) -> Void)?
  var onTrainingStep: ((TrainingBar) -> Void)?
  var resolvePath: (_ path: String, _ use: FileUse) throws -> String = { path, _ in path }
  var echoes = true
  private(set) var values: [(name: String, value: String)] = []
  private(set) var cellsRun: [String] = []
  /// The epoch at whose start `train` simulates a Ctrl-C, if any.
  var interruptAtEpoch: Int?
  /// Where the next cell's `train` stops as if Ctrl-C were pressed (only `epoch` is used).
  var stopsTrainingAt: TrainingStop?
  /// Where Ctrl-C stopped the last cell's `train`, at the start of an epoch.
  private(set) var interruption: TrainingStop?

  static let builtins = ["print", "plot", "train", "for", "if"]
  static let labels = ["train": ["epochs:", "batch:"]]
  static let fields = ["best_epoch", "best_loss", "history"]

  func run(cell source: String, stoppingTrainingAt stop: TrainingStop?) -> [OutputPiece] {
    stopsTrainingAt = stop
    return run(source, origin: "cell")
  }

  func run(_ source: String, origin: String?) -> [OutputPiece] {
    cellsRun.append(source)
    interruption = nil
    defer { stopsTrainingAt = nil }
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
        train(epochs: epochs, emit: emit)
        emit(.timing("took 0.3s"))
      } else {
        emit(.error("line 1, column 1: unknown name `\(line)`\n  \(line)\n  ^"))
        return pieces
      }
    }
    return pieces
  }

  /// A bar and a progress line per epoch, with a loss that halves every epoch, then a summary.
  private func train(epochs: Int, emit: (OutputPiece) -> Void) {
    var loss = 1.0
    for epoch in 1...epochs {
      if epoch == interruptAtEpoch || epoch == stopsTrainingAt?.epoch { Interrupt.request() }
      if Interrupt.isRequested {
        interruption = TrainingStop(epoch: epoch, step: 0)
        emit(.text("stopped by Ctrl-C after \(epoch - 1) of \(epochs) epochs"))
        return
      }
      onTrainingStep?(
        TrainingBar(epoch: epoch, epochs: epochs, step: 1, steps: 1, loss: loss, elapsed: 0))
      emit(.progress("epoch \(epoch)/\(epochs)  loss \(loss)\n"))
      loss /= 2
    }
    emit(.text("trained \(epochs) epochs"))
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

  var definedNames: [(name: String, type: String, summary: String)] {
    values.map { ($0.name, "number", $0.value) }
  }

  func reset() { values = [] }

  func define(_ name: String, as value: Value) {
    values.removeAll { $0.name == name }
    values.append((name, value.summary))
  }
}
