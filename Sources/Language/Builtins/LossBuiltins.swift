import Learning

extension Builtin {
  /// The losses, passed to `fit(…, loss: …)` by value (`bce`) or by name (`"bce"`).
  static var losses: [Builtin] {
    let delta = Declared.number("delta", default: 1, "Where squared turns to absolute.")
      .valid(.positive)
    let smoothing = Declared.number(
      "label_smoothing", default: 0, "Mixes each one-hot target with a uniform one by this much."
    ).valid(ValidRange.from(0, upTo: 1).saying("must be in [0, 1)"))
    return [
      Builtin(
        "mse", topic: .training, summary: "Mean squared error, for regression: mean of (ŷ − y)².",
        example: "loss = mse"
      ) { arguments, _ in loss(.meanSquaredError, arguments) },
      Builtin(
        "mae", topic: .training, summary: "Mean absolute error, for regression: mean of |ŷ − y|.",
        example: "loss = mae()"
      ) { arguments, _ in loss(.meanAbsoluteError, arguments) },
      Builtin(
        "huber", topic: .training,
        summary:
          "Huber loss: squared near the target, absolute beyond `delta` (robust to outliers).",
        parameters: [delta], example: "loss = huber(delta: 2)"
      ) { arguments, _ in
        loss(.huber(delta: Float(arguments[delta])), arguments)
      },
      Builtin(
        "bce", topic: .training,
        summary: "Binary cross-entropy on one logit per sample, for two classes.",
        example: "loss = bce"
      ) { arguments, _ in loss(.binaryCrossEntropy, arguments) },
      Builtin(
        "cross_entropy", topic: .training,
        summary: "Cross-entropy on one logit per class, for several classes.",
        parameters: [smoothing], example: "loss = cross_entropy(label_smoothing: 0.1)"
      ) { arguments, _ in
        loss(.crossEntropy(labelSmoothing: Float(arguments[smoothing])), arguments)
      },
    ]
  }

  /// A loss value displayed as the call that made it.
  private static func loss(_ loss: Loss, _ arguments: Arguments) -> Value {
    .host(LossObject(loss, call: arguments.call()))
  }
}
