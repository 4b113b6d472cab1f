import Learning

extension Builtin {
  /// The losses, passed to `fit(…, loss: …)` by value (`bce`) or by name (`"bce"`).
  static var losses: [Builtin] {
    [
      Builtin(
        "mse", topic: .training, summary: "Mean squared error, for regression: mean of (ŷ − y)².",
        example: "loss = mse"
      ) { _, _ in .host(LossObject(.meanSquaredError)) },
      Builtin(
        "mae", topic: .training, summary: "Mean absolute error, for regression: mean of |ŷ − y|.",
        example: "loss = mae()"
      ) { _, _ in .host(LossObject(.meanAbsoluteError)) },
      Builtin(
        "huber", topic: .training,
        summary:
          "Huber loss: squared near the target, absolute beyond `delta` (robust to outliers).",
        parameters: [
          .optional("delta", .number, default: .number(1), "Where squared turns to absolute.")
        ],
        example: "loss = huber(delta: 2)"
      ) { arguments, _ in
        .host(LossObject(.huber(delta: Float(try positive(arguments, "delta")))))
      },
      Builtin(
        "bce", topic: .training,
        summary: "Binary cross-entropy on one logit per sample, for two classes.",
        example: "loss = bce"
      ) { _, _ in .host(LossObject(.binaryCrossEntropy)) },
      Builtin(
        "cross_entropy", topic: .training,
        summary: "Cross-entropy on one logit per class, for several classes.",
        parameters: [
          .optional(
            "label_smoothing", .number, default: .number(0),
            "Mixes each one-hot target with a uniform one by this much.")
        ],
        example: "loss = cross_entropy(label_smoothing: 0.1)"
      ) { arguments, _ in
        let smoothing = arguments.number("label_smoothing")
        guard smoothing >= 0, smoothing < 1 else {
          throw CallError(
            "`label_smoothing` must be in [0, 1), got \(NumberFormat.format(smoothing))",
            argument: "label_smoothing")
        }
        return .host(LossObject(.crossEntropy(labelSmoothing: Float(smoothing))))
      },
    ]
  }
}
