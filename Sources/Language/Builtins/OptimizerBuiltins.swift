import Learning

extension Builtin {
  /// The optimizers: `sgd`, `adam`, `adamw`, `rmsprop`, `adagrad`, each with the shared `l1`,
  /// `clip_norm` and `clip_value` settings.
  static var optimizers: [Builtin] {
    [
      optimizer(
        "sgd", "Stochastic gradient descent, with optional momentum (PyTorch's SGD).", rate: 0.01,
        [
          .optional("momentum", .number, default: .number(0), "Momentum μ: v ← μv + g."),
          .optional("nesterov", .bool, default: .bool(false), "Use Nesterov momentum."),
          .optional("weight_decay", .number, default: .number(0), "L2 penalty added to gradients."),
        ],
        example: "opt = sgd(lr: 0.1, momentum: 0.9)"
      ) { arguments in
        Optimizer.sgd(
          learningRate: Float(arguments.number("lr")),
          momentum: Float(arguments.number("momentum")), nesterov: arguments.bool("nesterov"),
          weightDecay: Float(arguments.number("weight_decay")))
      },
      optimizer(
        "adam", "Adam: momentum and per-weight step sizes (Kingma & Ba 2015).", rate: 0.001,
        betas + [.optional("weight_decay", .number, default: .number(0), "L2 penalty.")],
        example: "opt = adam(lr: 0.01)"
      ) { arguments in
        Optimizer.adam(
          learningRate: Float(arguments.number("lr")), beta1: Float(arguments.number("beta1")),
          beta2: Float(arguments.number("beta2")),
          weightDecay: Float(arguments.number("weight_decay")))
      },
      optimizer(
        "adamw", "Adam with decoupled weight decay (Loshchilov & Hutter 2019).", rate: 0.001,
        betas + [
          .optional("weight_decay", .number, default: .number(0.01), "Decoupled weight decay.")
        ],
        example: "opt = adamw(lr: 0.001, weight_decay: 0.01)"
      ) { arguments in
        Optimizer.adamW(
          learningRate: Float(arguments.number("lr")), beta1: Float(arguments.number("beta1")),
          beta2: Float(arguments.number("beta2")),
          weightDecay: Float(arguments.number("weight_decay")))
      },
      optimizer(
        "rmsprop", "RMSprop: steps scaled by a running mean of squared gradients.", rate: 0.01,
        [
          .optional(
            "alpha", .number, default: .number(0.99),
            "Decay of the running mean of squared gradients."),
          .optional("momentum", .number, default: .number(0), "Momentum μ (0 for none)."),
          .optional("weight_decay", .number, default: .number(0), "L2 penalty."),
        ],
        example: "opt = rmsprop(lr: 0.001)"
      ) { arguments in
        Optimizer.rmsprop(
          learningRate: Float(arguments.number("lr")), alpha: Float(arguments.number("alpha")),
          weightDecay: Float(arguments.number("weight_decay")),
          momentum: Float(arguments.number("momentum")))
      },
      optimizer(
        "adagrad", "Adagrad: steps shrink with each weight's summed squared gradients.",
        rate: 0.01,
        [.optional("weight_decay", .number, default: .number(0), "L2 penalty.")],
        example: "opt = adagrad(lr: 0.05)"
      ) { arguments in
        Optimizer.adagrad(
          learningRate: Float(arguments.number("lr")),
          weightDecay: Float(arguments.number("weight_decay")))
      },
    ]
  }

  private static var betas: [BuiltinParameter] {
    [
      .optional("beta1", .number, default: .number(0.9), "Decay of the gradient's mean."),
      .optional("beta2", .number, default: .number(0.999), "Decay of the squared gradient's mean."),
    ]
  }

  /// An optimizer built-in: `lr` first, then its own settings, then the shared ones.
  private static func optimizer(
    _ name: String, _ summary: String, rate: Double, _ own: [BuiltinParameter], example: String,
    make: @escaping (Arguments) -> Optimizer
  ) -> Builtin {
    let shared: [BuiltinParameter] = [
      .optional("l1", .number, default: .number(0), "L1 penalty λ·Σ|w| pulling weights to 0."),
      .optional(
        "clip_norm", .either(.number, .none), default: .none,
        "Scale gradients so their global norm is at most this."),
      .optional(
        "clip_value", .either(.number, .none), default: .none,
        "Clamp each gradient value to ± this."),
    ]
    let parameters =
      [.optional("lr", .number, default: .number(rate), "The learning rate.")]
      + own + shared
    return Builtin(
      name, topic: .training, summary: summary, parameters: parameters, example: example
    ) { arguments, _ in
      for label in ["lr", "l1", "clip_norm", "clip_value"] + own.map(\.label) {
        if case .number(let value) = arguments[label], value < 0 || !value.isFinite {
          throw CallError(
            "`\(label)` must be a finite number ≥ 0, got \(NumberFormat.format(value))",
            argument: label)
        }
      }
      var clipping: GradientClipping?
      if case .number(let limit) = arguments["clip_norm"] { clipping = .norm(Float(limit)) }
      if case .number(let limit) = arguments["clip_value"] {
        guard clipping == nil else {
          throw CallError("give `clip_norm` or `clip_value`, not both", argument: "clip_value")
        }
        clipping = .value(Float(limit))
      }
      let settings = parameters.dropFirst().compactMap { parameter -> (String, Value)? in
        let value = arguments[parameter.label]
        guard arguments.isGiven(parameter.label) else { return nil }
        switch value {
        case .number, .bool: return (parameter.label, value)
        default: return nil
        }
      }
      let l1 = Float(arguments.number("l1"))
      return .host(
        OptimizerObject(name: name, rate: arguments.number("lr"), settings: settings) {
          let optimizer = make(arguments)
          optimizer.l1Penalty = l1
          optimizer.clipping = clipping
          return optimizer
        })
    }
  }
}
