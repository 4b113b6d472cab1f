import Support

/// trainbook's training pieces in PyTorch's words: one line of Python for a layer, a loss, an
/// optimizer or a schedule, with the settings the run used.
///
/// Numbers are written in their shortest exact form (`0.01`, `1e-08`), which Python reads back
/// to the same value.
enum PyTorchTranslation {
  /// The module of `layer`: `nn.Linear(2, 16)`, `nn.LeakyReLU(negative_slope=0.01)`, …
  static func module(_ layer: any Layer) throws(ModelError) -> String {
    switch layer {
    case let dense as Dense: return "nn.Linear(\(dense.inputSize), \(dense.outputSize))"
    case let dropout as Dropout: return "nn.Dropout(p=\(python(dropout.probability)))"
    case let norm as BatchNorm:
      return "nn.BatchNorm1d(\(norm.features), eps=\(python(norm.epsilon)), "
        + "momentum=\(python(norm.momentum)))"
    case let activation as ActivationLayer:
      switch activation.function {
      case .leakyReLU(let slope): return "nn.LeakyReLU(negative_slope=\(python(slope)))"
      case .elu(let alpha): return "nn.ELU(alpha=\(python(alpha)))"
      default: return "nn.\(activation.function.pytorchName)()"
      }
    default: throw ModelError("a \(layer.kind) layer has no PyTorch module to export it as")
    }
  }

  /// The loss summed over a batch (the script divides by the batch's size, so the mean is the
  /// whole batch's also when processes share it): `nn.MSELoss(reduction="sum")`, …
  static func summedLoss(_ loss: Loss) -> String {
    switch loss {
    case .meanSquaredError: "nn.MSELoss(reduction=\"sum\")"
    case .meanAbsoluteError: "nn.L1Loss(reduction=\"sum\")"
    case .huber(let delta): "nn.HuberLoss(reduction=\"sum\", delta=\(python(delta)))"
    case .binaryCrossEntropy: "nn.BCEWithLogitsLoss(reduction=\"sum\")"
    case .crossEntropy(let smoothing):
      "nn.CrossEntropyLoss(reduction=\"sum\", label_smoothing=\(python(smoothing)))"
    }
  }

  /// The optimizer over `parameters` at rate `rate`: `torch.optim.Adam(parameters, lr=0.01, …)`.
  static func optimizer(_ rule: any UpdateRule, rate: Float) throws(ModelError) -> String {
    let lr = "lr=\(python(rate))"
    switch rule {
    case let sgd as SGD:
      return "torch.optim.SGD(parameters, \(lr), momentum=\(python(sgd.momentum)), "
        + "dampening=\(python(sgd.dampening)), nesterov=\(python(sgd.nesterov)), "
        + "weight_decay=\(python(sgd.weightDecay)))"
    case let adam as Adam:
      return "torch.optim.\(adam.name)(parameters, \(lr), "
        + "betas=(\(python(adam.beta1)), \(python(adam.beta2))), eps=\(python(adam.epsilon)), "
        + "weight_decay=\(python(adam.weightDecay)))"
    case let rms as RMSprop:
      return "torch.optim.RMSprop(parameters, \(lr), alpha=\(python(rms.alpha)), "
        + "eps=\(python(rms.epsilon)), weight_decay=\(python(rms.weightDecay)), "
        + "momentum=\(python(rms.momentum)), centered=\(python(rms.centered)))"
    case let adagrad as Adagrad:
      return
        "torch.optim.Adagrad(parameters, \(lr), lr_decay=\(python(adagrad.learningRateDecay)), "
        + "weight_decay=\(python(adagrad.weightDecay)), "
        + "initial_accumulator_value=\(python(adagrad.initialAccumulatorValue)), "
        + "eps=\(python(adagrad.epsilon)))"
    default: throw ModelError("the optimizer \(rule.name) has no PyTorch optimizer to export it as")
    }
  }

  /// The scheduler of `schedule` over `optimizer` (whose rate is the schedule's starting rate),
  /// and whether it steps after every batch (`step`) or every epoch (`epoch`).
  static func scheduler(
    _ schedule: Schedule, cyclesMomentum: Bool
  ) -> (code: String, steps: String)? {
    let schedulers = "torch.optim.lr_scheduler"
    switch schedule {
    case .constant: return nil
    case .step(let step):
      return (
        "\(schedulers).StepLR(optimizer, step_size=\(step.stepSize), gamma=\(python(step.gamma)))",
        "epoch"
      )
    case .exponential(let decay):
      return ("\(schedulers).ExponentialLR(optimizer, gamma=\(python(decay.gamma)))", "epoch")
    case .warmupCosine(let cosine):
      let annealing = cosine.totalSteps - cosine.warmupSteps
      let anneal =
        "\(schedulers).CosineAnnealingLR(optimizer, T_max=\(annealing), "
        + "eta_min=\(python(cosine.minimumRate)))"
      guard cosine.warmupSteps > 0 else { return (anneal, "step") }
      let warmup =
        "\(schedulers).LinearLR(optimizer, start_factor=\(python(cosine.warmupStartFactor)), "
        + "end_factor=1.0, total_iters=\(cosine.warmupSteps))"
      return (
        "\(schedulers).SequentialLR(\n        optimizer,\n        [\n            \(warmup),\n"
          + "            \(anneal),\n        ],\n"
          + "        milestones=[\(cosine.warmupSteps)],\n    )", "step"
      )
    case .oneCycle(let cycle):
      return (
        "\(schedulers).OneCycleLR(\n        optimizer,\n        max_lr=\(python(cycle.maxRate)),\n"
          + "        total_steps=\(cycle.totalSteps),\n"
          + "        pct_start=\(python(cycle.pctStart)),\n"
          + "        div_factor=\(python(cycle.divFactor)),\n"
          + "        final_div_factor=\(python(cycle.finalDivFactor)),\n"
          + "        base_momentum=\(python(cycle.baseMomentum)),\n"
          + "        max_momentum=\(python(cycle.maxMomentum)),\n"
          + "        cycle_momentum=\(python(cyclesMomentum)),\n    )", "step"
      )
    }
  }

  /// The reduce-on-plateau scheduler of `callback`, stepped with its monitored value.
  static func plateauScheduler(_ callback: ReduceLearningRateOnPlateau) -> String {
    "torch.optim.lr_scheduler.ReduceLROnPlateau(\n        optimizer,\n"
      + "        mode=\"\(callback.monitor.maximizes ? "max" : "min")\",\n"
      + "        factor=\(python(callback.factor)),\n"
      + "        patience=\(callback.patience),\n"
      + "        threshold=\(python(callback.threshold)),\n"
      + "        threshold_mode=\"rel\",\n"
      + "        cooldown=\(callback.cooldown),\n"
      + "        min_lr=\(python(callback.minimumRate)),\n    )"
  }
}

/// `value` as Python reads it back exactly: `0.01`, `1e-08`, `3.0`.
func python(_ value: Float) -> String { "\(value)" }

/// `value` as Python reads it back exactly.
func python(_ value: Double) -> String { "\(value)" }

/// `True` or `False`.
func python(_ value: Bool) -> String { value ? "True" : "False" }

/// `text` as a Python string literal: a JSON string literal (quotes, backslashes and control
/// characters escaped as `\"`, `\\`, `\n`, `\u001f`) is also a Python one.
func python(_ text: String) -> String { jsonQuoted(text) }
