import Foundation

/// A loss function: how far a batch of predictions is from its targets, averaged over the batch
/// as PyTorch's default `reduction="mean"` does, with its gradient.
///
/// Targets hold one number per sample, as in a `Dataset`: the value for regression, 0 or 1 for
/// binary classification, the class index for multiclass. With n predictions (n samples, or
/// n samples × outputs for the elementwise losses):
///
/// | loss | per value | ∂/∂prediction | PyTorch |
/// | --- | --- | --- | --- |
/// | meanSquaredError | d², d = ŷ − y | 2d / n | `MSELoss` |
/// | meanAbsoluteError | \|d\| | sign(d) / n | `L1Loss` |
/// | huber(δ) | d²/2 if \|d\| ≤ δ, else δ(\|d\| − δ/2) (δ = 1) | clamp(d, −δ, δ) / n | `HuberLoss` |
/// | binaryCrossEntropy | max(z, 0) − z·y + log(1 + e^−\|z\|) on logits z | (σ(z) − y) / n | `BCEWithLogitsLoss` |
/// | crossEntropy(ε) | −Σ_k q_k log softmax(z)_k, q = (1 − ε)·onehot(y) + ε/K | (softmax(z) − q) / n | `CrossEntropyLoss(label_smoothing=ε)` |
///
/// The logit forms never take the logarithm of a rounded probability, so they stay finite for
/// logits of any size.
public enum Loss: Sendable, Equatable {
  case meanSquaredError
  case meanAbsoluteError
  case huber(delta: Float = 1)
  case binaryCrossEntropy
  case crossEntropy(labelSmoothing: Float = 0)

  /// A short name for run records and displays: "mse", "mae", "huber", "bce", "cross_entropy".
  public var name: String {
    switch self {
    case .meanSquaredError: "mse"
    case .meanAbsoluteError: "mae"
    case .huber: "huber"
    case .binaryCrossEntropy: "bce"
    case .crossEntropy: "cross_entropy"
    }
  }

  /// The mean loss of `predictions` (one row per sample) against `targets`, and its gradient
  /// with respect to the predictions; throws if they do not fit this loss.
  public func evaluate(
    _ predictions: Matrix, targets: [Float]
  ) throws(ModelError) -> (value: Float, gradient: Matrix) {
    guard predictions.rows == targets.count, predictions.rows > 0 else {
      throw ModelError(
        "\(name) needs one target per prediction, got \(predictions.rows) predictions and "
          + "\(targets.count) targets")
    }
    try check(outputs: predictions.columns, targets: targets)
    return evaluateUnchecked(predictions, targets: targets)
  }

  /// Throws unless a model with `outputs` outputs can be scored against `targets` by this loss:
  /// cross-entropy needs class indices below `outputs`, the others one output per sample, and
  /// binary cross-entropy targets from 0 to 1.
  public func check(outputs: Int, targets: [Float]) throws(ModelError) {
    if case .crossEntropy = self {
      if let bad = targets.first(where: { !($0 >= 0 && $0 < Float(outputs) && $0 == $0.rounded()) }) {
        throw ModelError(
          "cross_entropy needs class indices 0..<\(outputs) (the model's outputs), got the "
            + "target \(bad)")
      }
    } else if outputs != 1 {
      throw ModelError(
        "\(name) compares one output per sample, but the model has \(outputs) outputs; use "
          + "cross_entropy for several classes")
    } else if self == .binaryCrossEntropy,
      let bad = targets.first(where: { !($0 >= 0 && $0 <= 1) })
    {
      throw ModelError(
        "bce needs targets from 0 to 1, got the target \(bad); for several classes use "
          + "cross_entropy with one output per class")
    }
  }

  /// The mean loss alone; throws as `evaluate` does.
  public func value(_ predictions: Matrix, targets: [Float]) throws(ModelError) -> Float {
    try evaluate(predictions, targets: targets).value
  }

  /// `evaluate` for predictions and targets already checked.
  func evaluateUnchecked(_ predictions: Matrix, targets: [Float]) -> (value: Float, gradient: Matrix) {
    switch self {
    case .crossEntropy(let smoothing):
      return crossEntropy(predictions, targets, smoothing)
    default:
      let n = Float(targets.count)
      var total: Double = 0
      var gradient = [Float](repeating: 0, count: targets.count)
      predictions.values.withUnsafeBufferPointer { z in
        for i in 0..<targets.count {
          let (value, slope) = elementwise(z[i], targets[i])
          total += Double(value)
          gradient[i] = slope / n
        }
      }
      return (Float(total / Double(n)), Matrix(rows: targets.count, columns: 1, values: gradient))
    }
  }

  @inline(__always)
  private func elementwise(_ z: Float, _ y: Float) -> (value: Float, slope: Float) {
    switch self {
    case .meanSquaredError:
      let d = z - y
      return (d * d, 2 * d)
    case .meanAbsoluteError:
      let d = z - y
      return (abs(d), d > 0 ? 1 : (d < 0 ? -1 : 0))
    case .huber(let delta):
      let d = z - y
      return abs(d) <= delta
        ? (0.5 * d * d, d) : (delta * (abs(d) - 0.5 * delta), d > 0 ? delta : -delta)
    case .binaryCrossEntropy:
      return (max(z, 0) - z * y + log1p(exp(-abs(z))), logistic(z) - y)
    case .crossEntropy:
      preconditionFailure("cross-entropy is not elementwise")
    }
  }

  private func crossEntropy(
    _ logits: Matrix, _ targets: [Float], _ smoothing: Float
  ) -> (value: Float, gradient: Matrix) {
    let classes = logits.columns
    let n = Float(logits.rows)
    var gradient = logits.values
    var total: Double = 0
    for row in 0..<logits.rows {
      let label = Int(targets[row])
      precondition(label >= 0 && label < classes, "class \(label) outside 0..<\(classes)")
      let offset = row * classes
      var largest = -Float.infinity
      for k in 0..<classes { largest = max(largest, logits.values[offset + k]) }
      var sum: Float = 0
      for k in 0..<classes { sum += exp(logits.values[offset + k] - largest) }
      let logSum = log(sum) + largest
      var rowLoss: Float = 0
      for k in 0..<classes {
        let logProbability = logits.values[offset + k] - logSum
        let q = (k == label ? 1 - smoothing : 0) + smoothing / Float(classes)
        rowLoss -= q * logProbability
        gradient[offset + k] = (exp(logProbability) - q) / n
      }
      total += Double(rowLoss)
    }
    return (Float(total / Double(n)), Matrix(rows: logits.rows, columns: classes, values: gradient))
  }
}
