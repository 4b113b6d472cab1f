import Learning

extension Builtin {
  /// The optimizers: `sgd`, `adam`, `adamw`, `rmsprop`, `adagrad`, each with the shared `l1`,
  /// `clip_norm` and `clip_value` settings.
  static var optimizers: [Builtin] {
    let momentum = penalty("momentum", default: 0, "Momentum μ: v ← μv + g.")
    let nesterov = Declared.bool("nesterov", default: false, "Use Nesterov momentum.")
    let l2 = penalty("weight_decay", default: 0, "L2 penalty added to gradients.")
    let decay = penalty("weight_decay", default: 0, "L2 penalty.")
    let decoupled = penalty("weight_decay", default: 0.01, "Decoupled weight decay.")
    let beta1 = penalty("beta1", default: 0.9, "Decay of the gradient's mean.")
    let beta2 = penalty("beta2", default: 0.999, "Decay of the squared gradient's mean.")
    let alpha = penalty("alpha", default: 0.99, "Decay of the running mean of squared gradients.")
    let rmsMomentum = penalty("momentum", default: 0, "Momentum μ (0 for none).")
    return [
      optimizer(
        "sgd", "Stochastic gradient descent, with optional momentum (PyTorch's SGD).", rate: 0.01,
        [momentum, nesterov, l2], example: "opt = sgd(lr: 0.1, momentum: 0.9)"
      ) {
        SGD(momentum: Float($0[momentum]), nesterov: $0[nesterov], weightDecay: Float($0[l2]))
      },
      optimizer(
        "adam", "Adam: momentum and per-weight step sizes (Kingma & Ba 2015).", rate: 0.001,
        [beta1, beta2, decay], example: "opt = adam(lr: 0.01)"
      ) {
        Adam(beta1: Float($0[beta1]), beta2: Float($0[beta2]), weightDecay: Float($0[decay]))
      },
      optimizer(
        "adamw", "Adam with decoupled weight decay (Loshchilov & Hutter 2019).", rate: 0.001,
        [beta1, beta2, decoupled], example: "opt = adamw(lr: 0.001, weight_decay: 0.01)"
      ) {
        Adam.adamW(
          beta1: Float($0[beta1]), beta2: Float($0[beta2]), weightDecay: Float($0[decoupled]))
      },
      optimizer(
        "rmsprop", "RMSprop: steps scaled by a running mean of squared gradients.", rate: 0.01,
        [alpha, rmsMomentum, decay], example: "opt = rmsprop(lr: 0.001)"
      ) {
        RMSprop(
          alpha: Float($0[alpha]), weightDecay: Float($0[decay]),
          momentum: Float($0[rmsMomentum]))
      },
      optimizer(
        "adagrad", "Adagrad: steps shrink with each weight's summed squared gradients.",
        rate: 0.01, [decay], example: "opt = adagrad(lr: 0.05)"
      ) { Adagrad(weightDecay: Float($0[decay])) },
    ]
  }

  /// A setting that must be a finite number ≥ 0.
  private static func penalty(
    _ label: String, default value: Double, _ doc: String
  ) -> Declared<Double> {
    Declared.number(label, default: value, doc).valid(nonNegative)
  }

  /// What a refusal of a negative setting says.
  private static let nonNegative = ValidRange.atLeast(0).saying("must be a finite number ≥ 0")

  /// An optimizer built-in: `lr` first, then its own settings, then the shared ones. `rule`
  /// reads its own settings once, when the built-in is called, into the update rule that every
  /// optimizer the value makes shares.
  private static func optimizer(
    _ name: String, _ summary: String, rate: Double, _ own: [any DeclaredParameter],
    example: String, rule: @escaping (Arguments) -> any UpdateRule
  ) -> Builtin {
    let lr = penalty("lr", default: rate, "The learning rate.")
    let l1 = penalty("l1", default: 0, "L1 penalty λ·Σ|w| pulling weights to 0.")
    let clipNorm = Declared.numberOrNone(
      "clip_norm", "Scale gradients so their global norm is at most this."
    ).valid(nonNegative)
    let clipValue = Declared.numberOrNone("clip_value", "Clamp each gradient value to ± this.")
      .valid(nonNegative)
    let parameters: [any DeclaredParameter] = [lr] + own + [l1, clipNorm, clipValue]
    return Builtin(
      name, topic: .training, summary: summary, parameters: parameters, example: example
    ) { arguments, _ in
      var clipping = arguments[clipNorm].map { GradientClipping.norm(Float($0)) }
      if let limit = arguments[clipValue] {
        guard clipping == nil else {
          throw CallError("give `clip_norm` or `clip_value`, not both", argument: "clip_value")
        }
        clipping = .value(Float(limit))
      }
      let settings = arguments.given.filter { setting in
        switch setting.value {
        case .number, .bool: setting.label != lr.label
        default: false
        }
      }
      let (rate, penalty, updateRule) = (arguments[lr], Float(arguments[l1]), rule(arguments))
      return .host(
        OptimizerObject(
          name: name, rate: rate, settings: settings, call: arguments.call(always: [lr])
        ) {
          Optimizer(updateRule, learningRate: Float(rate), l1Penalty: penalty, clipping: clipping)
        })
    }
  }
}
