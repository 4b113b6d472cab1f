/// The mean softmax cross-entropy of rows of logits against integer class labels, optionally with
/// label smoothing ε (Szegedy et al. 2016).
///
/// Each row z with label y is scored against the target distribution
/// q = (1 − ε)·onehot(y) + ε/K over K classes: −Σ_k q_k log softmax(z)_k = log Σ_j e^(z_j) − Σ_k q_k z_k
/// (Σ q = 1), computed after subtracting the row's maximum so that no exponential overflows
/// (finite for logits of ±1000). The result is the mean over rows (PyTorch's
/// `CrossEntropyLoss(label_smoothing=ε)`; ε = 0 is the plain loss). Backward:
/// ∂L/∂z = (softmax(z) − q) / rows. `logits` is [rows, classes]; throws if `labels` has another
/// count, a label is outside 0..<classes, or ε is outside [0, 1].
public func softmaxCrossEntropy(
  logits: Tensor, labels: [Int], labelSmoothing smoothing: Float = 0
) throws -> Tensor {
  try logits.checkLabels(labels, operation: "softmaxCrossEntropy")
  guard smoothing >= 0, smoothing <= 1 else {
    throw ShapeError("softmaxCrossEntropy", "label smoothing must be in [0, 1], not \(smoothing)")
  }
  let (rows, classes) = (logits.shape[0], logits.shape[1])
  let spread = smoothing / Float(classes)
  let probabilities = TensorStorage.uninitialized(count: rows * classes)
  var total: Float = 0
  withAddresses(reading: logits.storage, writing: probabilities) { logits, probabilities in
    for row in 0..<rows {
      let z = logits + row * classes
      let logSum = writeSoftmax(classes, z, into: probabilities + row * classes)
      var expected = (1 - smoothing) * z[labels[row]]
      if spread != 0 { for k in 0..<classes { expected += spread * z[k] } }
      total += logSum - expected
    }
  }
  let storage = TensorStorage.uninitialized(count: 1)
  storage[0] = total / Float(max(rows, 1))
  return Tensor(shape: .scalar, storage: storage, inputs: [logits]) { output in
    let scale = output.gradientAccumulator[0] / Float(max(rows, 1))
    let target = logits.gradientAccumulator
    withAddresses(reading: probabilities, writing: target) { p, target in
      mapVectors(rows * classes, target, p, target) { $0 + scale * $1 }
    }
    if spread != 0 {
      for index in 0..<(rows * classes) { target[index] -= scale * spread }
    }
    for row in 0..<rows { target[row * classes + labels[row]] -= scale * (1 - smoothing) }
  }
}

/// The mean binary cross-entropy of logits z against targets t in [0, 1] (PyTorch's
/// `BCEWithLogitsLoss`).
///
/// Each term is −[t log σ(z) + (1 − t) log(1 − σ(z))], computed as
/// max(z, 0) − z·t + log(1 + e^(−|z|)) = softplus(z) − z·t, which never overflows (finite for logits of ±1000).
/// Backward: ∂L/∂z = (σ(z) − t) / n. Targets are constants (no gradient flows to them). Throws
/// unless `logits` and `targets` have the same shape.
public func binaryCrossEntropyWithLogits(logits: Tensor, targets: Tensor) throws -> Tensor {
  guard logits.shape == targets.shape else {
    throw ShapeError(
      "binaryCrossEntropyWithLogits",
      "logits \(logits.shape) and targets \(targets.shape) must have the same shape")
  }
  let count = logits.elementCount
  // The backward rule keeps the targets' storage alive: they are not an input of the graph.
  let targetStorage = targets.storage
  // The terms softplus(z) − z·t, eight at a time, then summed in order.
  let total = logits.storage.withAddress { z in
    targetStorage.withAddress { t in
      withUnsafeTemporaryAllocation(of: Float.self, capacity: count) { terms in
        guard let terms = terms.baseAddress else { return Float(0) }
        mapVectors(count, z, t, terms) { softplusValue($0) - $0 * $1 }
        var total: Float = 0
        for i in 0..<count { total += terms[i] }
        return total
      }
    }
  }
  let storage = TensorStorage.uninitialized(count: 1)
  storage[0] = total / Float(max(count, 1))
  return Tensor(shape: .scalar, storage: storage, inputs: [logits]) { output in
    let scale = output.gradientAccumulator[0] / Float(max(count, 1))
    withAddresses(
      reading: logits.storage, targetStorage, writing: logits.gradientAccumulator
    ) { z, t, target in
      mapVectors(count, target, z, t, target) { $0 + scale * (logisticSigmoid($1) - $2) }
    }
  }
}
