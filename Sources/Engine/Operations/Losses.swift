import Foundation

/// The mean softmax cross-entropy of rows of logits against integer class labels.
///
/// For each row z with label y: −log softmax(z)_y = log Σ_j e^(z_j) − z_y, computed after
/// subtracting the row's maximum so that no exponential overflows (finite for logits of ±1000).
/// The result is the mean over rows (PyTorch's `CrossEntropyLoss`). Backward:
/// ∂L/∂z = (softmax(z) − onehot(y)) / rows. `logits` is [rows, classes]; throws if `labels` has
/// another count or a label is outside 0..<classes.
public func softmaxCrossEntropy(logits: Tensor, labels: [Int]) throws -> Tensor {
  try logits.checkLabels(labels, operation: "softmaxCrossEntropy")
  let (rows, classes) = (logits.shape[0], logits.shape[1])
  let probabilities = TensorStorage.uninitialized(count: rows * classes)
  var total: Float = 0
  for row in 0..<rows {
    let z = logits.storage.base + row * classes
    let p = probabilities.base + row * classes
    let logSum = writeSoftmax(classes, z, into: p)
    total += logSum - z[labels[row]]
  }
  let storage = TensorStorage.uninitialized(count: 1)
  storage.base[0] = total / Float(max(rows, 1))
  return Tensor(shape: .scalar, storage: storage, inputs: [logits]) { output in
    let scale = output.gradientAccumulator.base[0] / Float(max(rows, 1))
    let target = logits.gradientAccumulator.base
    let p = probabilities.base
    mapVectors(rows * classes, target, p, target) { $0 + scale * $1 }
    for row in 0..<rows { target[row * classes + labels[row]] -= scale }
  }
}

/// The mean binary cross-entropy of logits z against targets t in [0, 1] (PyTorch's
/// `BCEWithLogitsLoss`).
///
/// Each term is −[t log σ(z) + (1 − t) log(1 − σ(z))], computed as
/// max(z, 0) − z·t + log(1 + e^(−|z|)), which never overflows (finite for logits of ±1000).
/// Backward: ∂L/∂z = (σ(z) − t) / n. Targets are constants (no gradient flows to them). Throws
/// unless `logits` and `targets` have the same shape.
public func binaryCrossEntropyWithLogits(logits: Tensor, targets: Tensor) throws -> Tensor {
  guard logits.shape == targets.shape else {
    throw ShapeError(
      "binaryCrossEntropyWithLogits",
      "logits \(logits.shape) and targets \(targets.shape) must have the same shape")
  }
  let count = logits.elementCount
  let z = logits.storage.base
  let t = targets.storage.base
  var total: Float = 0
  for i in 0..<count {
    total += max(z[i], 0) - z[i] * t[i] + Foundation.log1p(Foundation.exp(-abs(z[i])))
  }
  let storage = TensorStorage.uninitialized(count: 1)
  storage.base[0] = total / Float(max(count, 1))
  return Tensor(shape: .scalar, storage: storage, inputs: [logits]) { output in
    let scale = output.gradientAccumulator.base[0] / Float(max(count, 1))
    let target = logits.gradientAccumulator.base
    for i in 0..<count { target[i] += scale * (stableSigmoid(z[i]) - t[i]) }
  }
}
