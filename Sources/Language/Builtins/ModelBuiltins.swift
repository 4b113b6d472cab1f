import Engine
import Learning

/// Building models: `mlp(…)` for the common case, `sequential(…)` from layers, and looking at
/// and changing them: `summary`, `freeze`, `unfreeze`, `copy`.
extension Builtin {
  static var models: [Builtin] {
    let inputs = Declared.integer("inputs", "How many features the data has.").valid(.atLeast(1))
    let hidden = Declared.list(
      "hidden", .list(of: .integer), default: [.number(16)],
      "The sizes of the hidden layers, e.g. [64, 64]; [] for a linear model."
    ).valid(.atLeast(1), as: "every hidden size")
    let outputs = Declared.integer(
      "outputs", default: 1,
      "How many outputs: 1 for binary or regression, the number of classes otherwise."
    ).valid(.atLeast(1))
    let activation = Declared.choice(
      "activation", "activation", activationNames, default: "relu",
      "The activation after each hidden layer.")
    let dropout = Declared.number(
      "dropout", default: 0, "The dropout probability after each hidden activation (0 for none)."
    ).valid(.from(0, upTo: 1))
    let layers = Declared.variadic("layers", .host("layer"), "The layers, first to last.")
    let firstInputs = Declared.integerOrNone(
      "inputs", "How many features the data has; none takes it from the first dense layer."
    ).valid(.atLeast(1))
    let net = Declared<ModelObject>.object("model", "model", "The model.")
    let original = Declared<ModelObject>.object("model", "model", "The model to copy.")
    return [
      Builtin(
        "mlp", topic: .models,
        summary: "A multilayer perceptron: dense layers of the given sizes with an activation "
          + "between them.",
        parameters: [inputs, hidden, outputs, activation, dropout, initialization, .seed],
        example: "net = mlp(inputs: 2, hidden: [64, 64], outputs: 1, activation: relu)"
      ) { arguments, context in
        let (inputs, outputs) = (arguments[inputs], arguments[outputs])
        let hidden = arguments[hidden].compactMap { value -> Int? in
          if case .number(let size) = value { Int(exactly: size) } else { nil }
        }
        let sizes = [inputs] + hidden + [outputs]
        var total = 0
        for index in 0..<(sizes.count - 1) {
          try checkLayerSize(sizes[index], sizes[index + 1], context: context)
          total += sizes[index] * sizes[index + 1]
          guard total <= largestLayer else {
            throw CallError(
              "this model would have more than \(largestLayer) weights",
              hint: "hidden layers of 8 to 512 units are usual", argument: "hidden")
          }
        }
        let function = try activationFunction(arguments[activation])
        let seed = arguments.seed(in: context)
        let model = try libraryCall {
          try Sequential.mlp(
            inputs: inputs, hidden: hidden, outputs: outputs, activation: function,
            dropout: Float(arguments[dropout]), initialization: arguments[initialization],
            seed: seed)
        }
        return .host(ModelObject(model))
      },
      Builtin(
        "sequential", topic: .models,
        summary: "A model from layers applied in order; checks that each layer fits the one "
          + "before it.",
        parameters: [layers, firstInputs],
        example: "net = sequential(dense(2, 16), relu(), dropout(0.2), batchnorm(16), dense(16, 1))"
      ) { arguments, _ in
        let layers = arguments[layers].compactMap { value -> LayerObject? in
          if case .host(let object) = value { object as? LayerObject } else { nil }
        }
        return .host(ModelObject(try stack(layers, inputs: arguments[firstInputs])))
      },
      Builtin(
        "summary", topic: .models,
        summary: "Prints a Keras-style table of a model's layers, output shapes and parameter "
          + "counts.",
        parameters: [net], example: "summary(mlp(inputs: 2, hidden: [16]))"
      ) { arguments, context in
        context.print(arguments[net].model.summary.description)
        return .none
      },
      freezing("freeze", frozen: true),
      freezing("unfreeze", frozen: false),
      Builtin(
        "copy", topic: .models,
        summary: "An independent copy of a model: same layers and weights, trained separately.",
        parameters: [original], example: "net = mlp(inputs: 2)\nbackup = copy(net)"
      ) { arguments, _ in
        let original = arguments[original]
        let copy = ModelObject(try libraryCall { try copyModel(original.model) })
        copy.trainingLoss = original.trainingLoss
        return .host(copy)
      },
    ]
  }

  /// The activation function of the language name `name`.
  private static func activationFunction(_ name: String) throws -> Activation {
    let functions: [String: Activation] = [
      "relu": .relu, "leaky_relu": .leakyReLU(), "elu": .elu(), "sigmoid": .sigmoid,
      "tanh": .tanh, "gelu": .gelu, "softplus": .softplus,
    ]
    guard let function = functions[name] else {
      throw CallError("unknown activation `\(name)`", argument: "activation")
    }
    return function
  }

  /// The model of `layers`, after checking that each takes what the one before gives.
  private static func stack(_ layers: [LayerObject], inputs: Int?) throws -> Sequential {
    guard !layers.isEmpty else {
      throw CallError(
        "a model needs at least one layer", hint: "for example sequential(dense(2, 1))")
    }
    for (index, layer) in layers.enumerated()
    where layers[..<index].contains(where: { $0.layer === layer.layer }) {
      throw CallError(
        "layer \(index), \(layer.written), appears twice in this model",
        hint: "make a new layer for each place: write \(layer.written) again")
    }
    var features: Int
    if let inputs {
      features = inputs
    } else {
      guard let first = layers.lazy.compactMap({ inputSize(of: $0.layer) }).first else {
        throw CallError(
          "cannot tell how many features this model takes: it has no dense or batchnorm layer",
          hint: "give it with inputs:, e.g. sequential(relu(), inputs: 2)")
      }
      features = first
    }
    let dataFeatures = features
    for (index, layer) in layers.enumerated() {
      guard let size = inputSize(of: layer.layer), size != features else {
        features = (try? layer.layer.outputFeatures(forInputs: features)) ?? features
        continue
      }
      let before = index == 0 ? "the data has" : "the layer before it gives"
      throw CallError(
        "layer \(index), \(layer.written), takes \(size) features but \(before) \(features)",
        hint: "write \(spelling(of: layer.layer, inputs: features)) instead")
    }
    return try libraryCall {
      try Sequential(inputFeatures: dataFeatures, layers: layers.map(\.layer))
    }
  }

  /// The number of features a layer insists on, if it insists.
  private static func inputSize(of layer: any Layer) -> Int? {
    switch layer {
    case let dense as Dense: dense.inputSize
    case let norm as BatchNorm: norm.features
    default: nil
    }
  }

  /// How to write `layer` taking `inputs` features instead.
  private static func spelling(of layer: any Layer, inputs: Int) -> String {
    switch layer {
    case let dense as Dense: "dense(\(inputs), \(dense.outputSize))"
    default: "batchnorm(\(inputs))"
    }
  }

  /// `freeze` or `unfreeze`.
  private static func freezing(_ name: String, frozen: Bool) -> Builtin {
    let verb = frozen ? "Freezes" : "Unfreezes"
    let net = Declared<ModelObject>.object("model", "model", "The model.")
    let chosen = Declared.value(
      "layers", .either(.integer, .list(of: .integer), .none), default: Value.none,
      "A layer index or a list of them (negative counts from the end); none for all.")
    return Builtin(
      name, topic: .models,
      summary: "\(verb) layers of a model: "
        + (frozen ? "their weights stop training." : "their weights train again."),
      parameters: [net, chosen],
      example: "net = mlp(inputs: 2, hidden: [8])\n\(name)(net, layers: [0])"
    ) { arguments, context in
      let model = arguments[net]
      let count = model.model.layers.count
      let indices: [Int]
      switch arguments[chosen] {
      case .number(let index): indices = [Int(index)]
      case .list(let values):
        indices = values.compactMap { if case .number(let n) = $0 { Int(n) } else { nil } }
      default: indices = Array(0..<count)
      }
      let resolved = try indices.map { index in
        let actual = index < 0 ? index + count : index
        guard (0..<count).contains(actual) else {
          throw CallError(
            "there is no layer \(index); this model has layers 0 to \(count - 1)",
            hint: "negative indices count from the end: -1 is the last layer", argument: "layers")
        }
        return actual
      }
      if frozen {
        model.model.freeze(layers: resolved)
      } else {
        model.model.unfreeze(layers: resolved)
      }
      context.print(
        "\(model.trainableCount) of \(model.model.parameterCount) parameters train; "
          + "frozen layers: " + frozenList(model))
      return .none
    }
  }

  /// `0, 2` or `none`.
  private static func frozenList(_ model: ModelObject) -> String {
    let frozen = model.layerObjects.filter(\.isFrozen).compactMap(\.index)
    return frozen.isEmpty ? "none" : frozen.map(String.init).joined(separator: ", ")
  }
}

/// A deep copy of `model`: new layers of the same kinds, with the same weights, buffers and
/// frozen flags.
func copyModel(_ model: Sequential) throws -> Sequential {
  var generator = RandomGenerator(seed: 0)
  let layers: [any Layer] = try model.layers.map { layer in
    switch layer {
    case let dense as Dense:
      return try Dense(
        inputSize: dense.inputSize, outputSize: dense.outputSize, generator: &generator)
    case let dropout as Dropout: return try Dropout(probability: dropout.probability)
    case let norm as BatchNorm:
      return try BatchNorm(features: norm.features, epsilon: norm.epsilon, momentum: norm.momentum)
    case let activation as ActivationLayer: return ActivationLayer(activation.function)
    default: throw CallError("a \(layer.kind) layer cannot be copied")
    }
  }
  let copy = try Sequential(inputFeatures: model.inputFeatures, layers: layers)
  try copy.load(stateDict: model.stateDict())
  for (original, new) in zip(model.parameters, copy.parameters) { new.isFrozen = original.isFrozen }
  return copy
}
