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

  /// The number of model outputs this loss needs for a task with `classes` classes (0 for
  /// regression), as a check before training.
  public func requiredOutputs(classes: Int) -> Int? {
    switch self {
    case .crossEntropy: classes
    case .binaryCrossEntropy: 1
    default: nil
    }
  }

  /// The mean loss of `predictions` (one row per sample) against `targets`, and its gradient
  /// with respect to the predictions.
  public func evaluate(_ predictions: Matrix, targets: [Float]) -> (value: Float, gradient: Matrix) {
    precondition(predictions.rows == targets.count, "one target per prediction row")
    switch self {
    case .crossEntropy(let smoothing):
      return crossEntropy(predictions, targets, smoothing)
    default:
      precondition(predictions.columns == 1, "\(name) takes one output per sample")
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

  /// The mean loss alone.
  public func value(_ predictions: Matrix, targets: [Float]) -> Float {
    evaluate(predictions, targets: targets).value
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
