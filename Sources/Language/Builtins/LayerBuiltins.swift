import Learning

/// The layers a learner stacks with `sequential(…)`: `dense`, `dropout`, `batchnorm`, and one
/// built-in per activation (`relu()`, `leaky_relu(0.1)`, …), each named as PyTorch's `nn` module.
extension Builtin {
  /// The most values one dense layer may hold, so a typo cannot exhaust memory.
  static let largestLayer = 50_000_000

  static var layers: [Builtin] {
    let inputs = Declared.integer("inputs", "How many features it takes.").valid(.atLeast(1))
    let outputs = Declared.integer("outputs", "How many features it gives.").valid(.atLeast(1))
    let p = Declared.number(
      "p", default: 0.5, "The probability of dropping a value, from 0 up to (not including) 1."
    ).valid(
      ValidRange.from(0, upTo: 1).hinting("0.1 to 0.5 is usual; 0 turns dropout off"),
      as: "a dropout probability")
    let features = Declared.integer("features", "How many features it normalises.")
      .valid(.atLeast(1))
    let momentum = Declared.number(
      "momentum", default: 0.1,
      "How fast the running statistics follow the batches, between 0 and 1."
    ).valid(ValidRange.from(0, to: 1).saying("must be between 0 and 1"))
    let epsilon = Declared.number(
      "epsilon", default: 1e-5, "Added to the variance so it is never 0."
    ).valid(ValidRange.positive.saying("must be a small positive number"))
    return [
      Builtin(
        "dense", topic: .models,
        summary: "A fully connected layer y = x·Wᵀ + b (PyTorch's nn.Linear).",
        parameters: [inputs, outputs, initialization, .seed],
        example: "layer = dense(2, 16, seed: 1)"
      ) { arguments, context in
        let (inputs, outputs) = (arguments[inputs], arguments[outputs])
        try checkLayerSize(inputs, outputs, context: context)
        let layer = try Dense(
          inputSize: inputs, outputSize: outputs, initialization: arguments[initialization],
          seed: arguments.seed(in: context))
        return .host(LayerObject(layer))
      },
      Builtin(
        "dropout", topic: .models,
        summary: "While training, zeroes each value with probability p and scales the rest "
          + "by 1/(1 − p).",
        parameters: [p], example: "dropout(0.2)"
      ) { arguments, _ in
        .host(LayerObject(try Dropout(probability: Float(arguments[p]))))
      },
      Builtin(
        "batchnorm", topic: .models,
        summary: "Normalises each feature over the batch, then scales and shifts it "
          + "(PyTorch's nn.BatchNorm1d).",
        parameters: [features, momentum, epsilon], example: "batchnorm(16)"
      ) { arguments, context in
        let features = arguments[features]
        try checkLayerSize(features, 1, context: context)
        return .host(
          LayerObject(
            try BatchNorm(
              features: features, epsilon: Float(arguments[epsilon]),
              momentum: Float(arguments[momentum]))))
      },
      activation("relu", "max(0, x): the usual choice for hidden layers.") { _ in .relu },
      activation(
        "leaky_relu", "x for x > 0, else slope·x: a ReLU whose units cannot die.",
        parameter: .number("slope", default: 0.01, "The slope for negative x.")
      ) { .leakyReLU(slope: Float($0)) },
      activation(
        "elu", "x for x > 0, else α(eˣ − 1): smooth below 0.",
        parameter: .number("alpha", default: 1, "α: for very negative x the output tends to −α.")
      ) { .elu(alpha: Float($0)) },
      activation("sigmoid", "1 / (1 + e⁻ˣ), between 0 and 1.") { _ in .sigmoid },
      activation("tanh", "the hyperbolic tangent, between −1 and 1.") { _ in .tanh },
      activation("gelu", "x·Φ(x), the activation of transformers.") { _ in .gelu },
      activation("softplus", "log(1 + eˣ), a smooth ReLU.") { _ in .softplus },
    ]
  }

  /// The names of the activation built-ins, for `activation:` choices.
  static let activationNames = ["relu", "leaky_relu", "elu", "sigmoid", "tanh", "gelu", "softplus"]

  /// An activation layer built-in; `make` receives the parameter's value (0 when it has none).
  private static func activation(
    _ name: String, _ summary: String, parameter: Declared<Double>? = nil,
    make: @escaping (Double) -> Activation
  ) -> Builtin {
    Builtin(
      name, topic: .models, summary: "An activation layer computing " + summary,
      parameters: parameter.map { [$0] } ?? [],
      example: "sequential(dense(2, 8), \(name)(), dense(8, 1))"
    ) { arguments, _ in
      .host(LayerObject(ActivationLayer(make(parameter.map { arguments[$0] } ?? 0))))
    }
  }

  /// The `init:` parameter of layers that draw weights.
  static var initialization: Declared<Initialization> {
    let names = Initialization.allCases.map(initializationName)
    let name = Declared.choice(
      "init", "initialization", names, default: "kaiming_uniform",
      "How the first weights are drawn: kaiming_* for ReLU, xavier_* for tanh and sigmoid.")
    return Declared(name.parameter) { value in
      Initialization.allCases.first { initializationName($0) == name.read(value) }
        ?? .kaimingUniform
    }
  }

  /// `kaiming_uniform`, `xavier_normal`, `pytorch`, …
  private static func initializationName(_ initialization: Initialization) -> String {
    switch initialization {
    case .kaimingUniform: "kaiming_uniform"
    case .kaimingNormal: "kaiming_normal"
    case .xavierUniform: "xavier_uniform"
    case .xavierNormal: "xavier_normal"
    case .pytorchDefault: "pytorch"
    }
  }

  /// Refuses a layer of more than `largestLayer` weights.
  /// and one whose weights and their gradients would pass the session's memory budget.
  static func checkLayerSize(_ inputs: Int, _ outputs: Int, context: CallContext) throws {
    let (product, overflow) = inputs.multipliedReportingOverflow(by: outputs)
    guard !overflow, product <= largestLayer else {
      throw CallError(
        "a layer of \(inputs) × \(outputs) weights is too large (at most \(largestLayer))",
        hint: "layers of 8 to 512 units are usual")
    }
    try context.reserve(product + outputs, of: 2 * MemoryLayout<Float>.stride)
  }
}
