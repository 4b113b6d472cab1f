/// Where Ctrl-C stopped a cell's training: which of the cell's fits, in which epoch, after how
/// many of that epoch's steps. A notebook records it, so that replay stops the same training at
/// the same step and reproduces the same partial run bit for bit.
public struct TrainingStop: Sendable, Equatable, CustomStringConvertible {
  /// Which of the cell's fits was stopped, counting from 1.
  public var fit: Int
  /// The epoch it was in, counting from 1 over the model's whole training.
  public var epoch: Int
  /// How many steps of that epoch had run.
  public var step: Int

  /// Creates a stopping point.
  public init(fit: Int = 1, epoch: Int, step: Int) {
    self.fit = fit
    self.epoch = epoch
    self.step = step
  }

  /// `epoch 15, step 3`, preceded by `fit 2, ` for any fit but the cell's first.
  public var description: String {
    (fit == 1 ? "" : "fit \(fit), ") + "epoch \(epoch), step \(step)"
  }

  /// Reads a stopping point written as `description` writes it, or nil.
  public init?(_ text: String) {
    var fields: [String: Int] = [:]
    for part in text.split(separator: ",") {
      let words = part.split(separator: " ")
      guard words.count == 2, let value = Int(words[1]), value >= 0,
        ["fit", "epoch", "step"].contains(words[0]), fields[String(words[0])] == nil
      else { return nil }
      fields[String(words[0])] = value
    }
    guard let epoch = fields["epoch"], let step = fields["step"], epoch >= 1,
      (fields["fit"] ?? 1) >= 1
    else { return nil }
    self.init(fit: fields["fit"] ?? 1, epoch: epoch, step: step)
  }

  /// Whether training at `epoch` (from 1) after `step` steps has reached this point.
  func isReached(epoch current: Int, step done: Int) -> Bool {
    current > epoch || (current == epoch && done >= step)
  }
}
