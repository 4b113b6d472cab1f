import Engine

/// A loss function: how far a batch of predictions is from its targets, averaged over the batch
/// as PyTorch's default `reduction="mean"` does, as a scalar of the engine's graph (so
/// `backward()` on it back-propagates through the model).
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
/// Each is built from the engine's operations, whose backward rules give the gradients in the
/// table: the elementwise losses from subtraction, square, absolute value, clamp and mean (Huber
/// as ½q² + δ(|d| − q) with q = min(|d|, δ)), the logit losses from the engine's fused
/// `binaryCrossEntropyWithLogits` and `softmaxCrossEntropy`, which never take the logarithm of a
/// rounded probability and so stay finite for logits of any size.
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

  /// The mean loss of `predictions` ([samples, outputs]) against `targets` (one per sample), as a
  /// scalar tensor to call `backward()` on; throws if they do not fit this loss.
  public func loss(_ predictions: Tensor, targets: [Float]) throws(ModelError) -> Tensor {
    guard predictions.shape.rank == 2, predictions.shape[0] == targets.count, !targets.isEmpty
    else {
      throw ModelError(
        "\(name) needs one target per prediction, got predictions of shape "
          + "\(predictions.shape) and \(targets.count) targets")
    }
    try check(outputs: predictions.shape[1], targets: targets)
    return try lossUnchecked(predictions, targets: targets)
  }

  /// Throws unless a model with `outputs` outputs can be scored against `targets` by this loss:
  /// cross-entropy needs class indices and one output per class, the others one output per
  /// sample, and
  /// binary cross-entropy targets from 0 to 1.
  public func check(outputs: Int, targets: [Float]) throws(ModelError) {
    if case .crossEntropy = self {
      if let bad = targets.first(where: { !($0 >= 0 && $0 == $0.rounded() && $0 < 1e9) }) {
        throw ModelError(
          "cross_entropy needs class indices 0, 1, 2, …, got the target \(bad); for numbers "
            + "to predict use mse")
      }
      if let largest = targets.max(), largest >= Float(outputs) {
        let classes = Int(largest) + 1
        throw ModelError(
          "the model has \(outputs) output\(outputs == 1 ? "" : "s") but the data has classes "
            + "up to \(Int(largest)): cross_entropy needs one output per class; build the model "
            + "with outputs: \(classes)")
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

  /// The mean loss alone, computed without recording a graph; throws as `loss` does.
  public func value(_ predictions: Matrix, targets: [Float]) throws(ModelError) -> Float {
    let tensor = predictions.tensor
    return try withoutGradients { () throws(ModelError) in try loss(tensor, targets: targets) }
      .scalar
  }

  /// `loss` for predictions and targets already checked.
  func lossUnchecked(_ predictions: Tensor, targets: [Float]) throws(ModelError) -> Tensor {
    do {
      if case .crossEntropy(let smoothing) = self {
        return try softmaxCrossEntropy(
          logits: predictions, labels: targets.map { Int($0) }, labelSmoothing: smoothing)
      }
      let expected = try Tensor(shape: Shape(rows: targets.count, columns: 1), values: targets)
      switch self {
      case .binaryCrossEntropy:
        return try binaryCrossEntropyWithLogits(logits: predictions, targets: expected)
      case .meanSquaredError:
        let difference = try predictions - expected
        return try (difference * difference).mean()
      case .meanAbsoluteError:
        return try (predictions - expected).abs().mean()
      case .huber(let delta):
        let distance = try (predictions - expected).abs()
        let inside = try distance.clamped(min: 0, max: delta)
        return try (inside * inside * 0.5 + (distance - inside) * delta).mean()
      case .crossEntropy:
        preconditionFailure("cross-entropy is handled above")
      }
    } catch {
      throw ModelError("\(name): \(error)")
    }
  }
}
