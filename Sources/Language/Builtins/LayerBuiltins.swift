import Learning

/// The layers a learner stacks with `sequential(…)`: `dense`, `dropout`, `batchnorm`, and one
/// built-in per activation (`relu()`, `leaky_relu(0.1)`, …), each named as PyTorch's `nn` module.
extension Builtin {
  /// The most values one dense layer may hold, so a typo cannot exhaust memory.
  static let largestLayer = 50_000_000

  static var layers: [Builtin] {
    [
      Builtin(
        "dense", topic: .models,
        summary: "A fully connected layer y = x·Wᵀ + b (PyTorch's nn.Linear).",
        parameters: [
          .required("inputs", .integer, "How many features it takes."),
          .required("outputs", .integer, "How many features it gives."),
          initialization,
          .seed,
        ],
        example: "layer = dense(2, 16, seed: 1)"
      ) { arguments, context in
        let inputs = try arguments.integer("inputs", atLeast: 1, what: "`inputs`")
        let outputs = try arguments.integer("outputs", atLeast: 1, what: "`outputs`")
        try checkLayerSize(inputs, outputs)
        let layer = try Dense(
          inputSize: inputs, outputSize: outputs,
          initialization: initialization(arguments), seed: try arguments.seed(in: context))
        return .host(LayerObject(layer))
      },
      Builtin(
        "dropout", topic: .models,
        summary: "While training, zeroes each value with probability p and scales the rest "
          + "by 1/(1 − p).",
        parameters: [
          .optional(
            "p", .number, default: .number(0.5),
            "The probability of dropping a value, from 0 up to (not including) 1.")
        ],
        example: "dropout(0.2)"
      ) { arguments, _ in
        let p = arguments.number("p")
        guard p >= 0, p < 1 else {
          throw CallError(
            "a dropout probability must be from 0 up to (not including) 1, got "
              + Value.number(p).summary,
            hint: "0.1 to 0.5 is usual; 0 turns dropout off", argument: "p")
        }
        return .host(LayerObject(try Dropout(probability: Float(p))))
      },
      Builtin(
        "batchnorm", topic: .models,
        summary: "Normalises each feature over the batch, then scales and shifts it "
          + "(PyTorch's nn.BatchNorm1d).",
        parameters: [
          .required("features", .integer, "How many features it normalises."),
          .optional(
            "momentum", .number, default: .number(0.1),
            "How fast the running statistics follow the batches, between 0 and 1."),
          .optional(
            "epsilon", .number, default: .number(1e-5),
            "Added to the variance so it is never 0."),
        ],
        example: "batchnorm(16)"
      ) { arguments, _ in
        let features = try arguments.integer("features", atLeast: 1, what: "`features`")
        try checkLayerSize(features, 1)
        let momentum = arguments.number("momentum")
        guard momentum >= 0, momentum <= 1 else {
          throw CallError(
            "`momentum` must be between 0 and 1, got \(Value.number(momentum).summary)",
            argument: "momentum")
        }
        let epsilon = arguments.number("epsilon")
        guard epsilon > 0, epsilon.isFinite else {
          throw CallError(
            "`epsilon` must be a small positive number, got "
              + Value.number(epsilon).summary, argument: "epsilon")
        }
        return .host(
          LayerObject(
            try BatchNorm(features: features, epsilon: Float(epsilon), momentum: Float(momentum))))
      },
      activation("relu", "max(0, x): the usual choice for hidden layers.") { _ in .relu },
      activation(
        "leaky_relu", "x for x > 0, else slope·x: a ReLU whose units cannot die.",
        parameter: .optional(
          "slope", .number, default: .number(0.01),
          "The slope for negative x.")
      ) { .leakyReLU(slope: Float($0)) },
      activation(
        "elu", "x for x > 0, else α(eˣ − 1): smooth below 0.",
        parameter: .optional(
          "alpha", .number, default: .number(1),
          "α: for very negative x the output tends to −α.")
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
    _ name: String, _ summary: String, parameter: BuiltinParameter? = nil,
    make: @escaping (Double) -> Activation
  ) -> Builtin {
    Builtin(
      name, topic: .models, summary: "An activation layer computing " + summary,
      parameters: parameter.map { [$0] } ?? [],
      example: "sequential(dense(2, 8), \(name)(), dense(8, 1))"
    ) { arguments, _ in
      let value = parameter.map { arguments.number($0.label) } ?? 0
      if let parameter, !value.isFinite {
        throw CallError("`\(parameter.label)` must be a finite number", argument: parameter.label)
      }
      return .host(LayerObject(ActivationLayer(make(value))))
    }
  }

  /// The `init:` parameter of layers that draw weights.
  static var initialization: BuiltinParameter {
    .optional(
      "init", .choice("initialization", Initialization.allCases.map(initializationName)),
      default: .string("kaiming_uniform"),
      "How the first weights are drawn: kaiming_* for ReLU, xavier_* for tanh and sigmoid.")
  }

  /// The initialization chosen by `init:`.
  static func initialization(_ arguments: Arguments) -> Initialization {
    let name = arguments.choice("init")
    return Initialization.allCases.first { initializationName($0) == name } ?? .kaimingUniform
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
  static func checkLayerSize(_ inputs: Int, _ outputs: Int) throws {
    let (product, overflow) = inputs.multipliedReportingOverflow(by: outputs)
    guard !overflow, product <= largestLayer else {
      throw CallError(
        "a layer of \(inputs) × \(outputs) weights is too large (at most \(largestLayer))",
        hint: "layers of 8 to 512 units are usual")
    }
  }
}
