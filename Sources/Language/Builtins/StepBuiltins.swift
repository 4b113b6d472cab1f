import Datasets
import Engine
import Learning

extension Builtin {
  /// The training loop taken apart, for lesson 1: `forward`, `loss_of`, `backward`, `update`,
  /// and `step` doing all four. Gradients are then visible on `net.layers[0].weight.grad`.
  static var steps: [Builtin] {
    let net = Declared<ModelObject>.object("model", "model", "The model.")
    let points = Declared.value(
      "data", .either(.host("dataset"), .list(of: .list(of: .number))),
      "A dataset, or a list of points.")
    let batch = Declared<DatasetObject>.object("data", "dataset", "The data (a batch).")
    let lossOwner = Declared<ModelObject>.object(
      "model", "model", "The model loss_of was called on.")
    let stepped = Declared<ModelObject>.object("model", "model", "The model, after backward.")
    let optimizer = Declared.optimizer("The optimizer, e.g. sgd(lr: 0.1).")
    return [
      Builtin(
        "forward", topic: .training,
        summary: "Runs data through the model (training mode) and returns its outputs.",
        parameters: [net, points],
        example: "out = forward(mlp(inputs: 2, seed: 1), [[0, 1], [1, 0]])"
      ) { arguments, context in
        let model = arguments[net].model
        let (input, _) = try features(
          arguments[points], argument: points.label, model: arguments[net])
        var pass = ForwardPass(
          isTraining: true, generator: RandomGenerator(seed: context.nextSeed()))
        let output = try libraryCall(argument: "data") { try model.forward(input, pass: &pass) }
        return .host(
          TensorObject(name: "output", shape: [output.rows, output.columns], values: output.values))
      },
      Builtin(
        "loss_of", topic: .training,
        summary: "The model's loss on data; keeps its graph for backward(net).",
        parameters: [net, batch, .loss],
        example: "l = loss_of(mlp(inputs: 2, seed: 1), moons(n: 16, seed: 1), loss: bce)"
      ) { arguments, context in
        let model = arguments[net].model
        let loss = try trainingLoss(arguments[net], arguments[batch].dataset, arguments, context)
        context.session.runs.pendingLosses[ObjectIdentifier(model)] = PendingLoss(loss, of: model)
        return .number(Double(loss.scalar))
      },
      Builtin(
        "backward", topic: .training,
        summary: "Back-propagates the last loss_of(net, …): sets every weight's .grad (fresh, "
          + "not added to old ones).",
        parameters: [lossOwner],
        example: """
          net = mlp(inputs: 2, seed: 1)
          l = loss_of(net, moons(n: 16, seed: 1))
          backward(net)
          """
      ) { arguments, context in
        let model = arguments[lossOwner].model
        let runs = context.session.runs
        guard let pending = runs.pendingLosses.removeValue(forKey: ObjectIdentifier(model)) else {
          throw CallError(
            "there is no loss to back-propagate for this model",
            hint: "call loss_of(net, data) first, then backward(net)", argument: "model")
        }
        guard pending.isCurrent(for: model) else {
          throw CallError(
            "the model's weights changed after loss_of(net, …), so that loss no longer "
              + "describes them", hint: "call loss_of(net, data) again, then backward(net)",
            argument: "model")
        }
        model.zeroGradients()
        try libraryCall { try pending.loss.backward() }
        return .none
      },
      Builtin(
        "update", topic: .training,
        summary: "Moves every weight one optimizer step against its gradient.",
        parameters: [stepped, optimizer],
        example: """
          net = mlp(inputs: 2, seed: 1)
          opt = sgd(lr: 0.1)
          l = loss_of(net, moons(n: 16, seed: 1))
          backward(net)
          update(net, opt)
          """
      ) { arguments, _ in
        arguments[optimizer].live.step(arguments[stepped].model.parameters)
        return .none
      },
      Builtin(
        "step", topic: .training,
        summary: "One whole training step on data: forward, loss, backward, update; returns the "
          + "loss before the update.",
        parameters: [net, batch, .loss, optimizer],
        example: """
          net = mlp(inputs: 2, seed: 1)
          opt = sgd(lr: 0.1)
          step(net, moons(n: 32, seed: 1), optimizer: opt)
          """
      ) { arguments, context in
        let model = arguments[net].model
        let loss = try trainingLoss(arguments[net], arguments[batch].dataset, arguments, context)
        model.zeroGradients()
        try libraryCall { try loss.backward() }
        arguments[optimizer].live.step(model.parameters)
        return .number(Double(loss.scalar))
      },
    ]
  }

  /// The loss of a training-mode forward pass of `object` on `data` (with the call's `loss:`),
  /// with the graph that `backward()` on it walks.
  private static func trainingLoss(
    _ object: ModelObject, _ data: Dataset, _ arguments: Arguments, _ context: CallContext
  ) throws -> Tensor {
    let model = object.model
    let loss = arguments.loss(for: data)
    try checkFit(object, data, loss)
    object.trainingLoss = loss
    var pass = ForwardPass(isTraining: true, generator: RandomGenerator(seed: context.nextSeed()))
    let input = Matrix(rows: data.count, columns: data.featureCount, values: data.features)
    return try libraryCall(argument: "data") {
      try loss.loss(try model.forward(input.tensor, pass: &pass), targets: data.targets)
    }
  }
}
