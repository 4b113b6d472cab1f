import Engine

/// Layers applied one after another, PyTorch's `nn.Sequential`: the model a learner builds.
///
/// The model knows its number of input features and checks at construction that each layer can
/// take what the previous one gives, so a mismatch is reported before any data flows.
/// Parameters are named as in PyTorch's `state_dict`: `<layer index>.<name>`, e.g. `0.weight`.
public final class Sequential {
  /// The layers, in order.
  public let layers: [any Layer]
  /// The number of input features.
  public let inputFeatures: Int
  /// The number of output features.
  public let outputFeatures: Int
  /// Every parameter, in `state_dict` order.
  public let parameters: [Parameter]
  /// The layers as the forward pass runs them: a dense layer and the activation after it fused
  /// into one stage where the engine can.
  private let stages: [Stage]

  /// One step of the forward pass.
  private enum Stage {
    case layer(any Layer)
    case fused(Dense, FusedActivation)
  }

  /// Creates a model, or explains which layer cannot take the previous one's output.
  public init(inputFeatures: Int, layers: [any Layer]) throws(ModelError) {
    var features = inputFeatures
    for (index, layer) in layers.enumerated() {
      do {
        features = try layer.outputFeatures(forInputs: features)
      } catch {
        throw ModelError("layer \(index) (\(layer.kind)): \(error.message)")
      }
    }
    self.layers = layers
    self.inputFeatures = inputFeatures
    self.outputFeatures = features
    self.parameters = layers.flatMap(\.parameters)
    var stages: [Stage] = []
    var index = 0
    while index < layers.count {
      if let dense = layers[index] as? Dense, index + 1 < layers.count,
        let fused = (layers[index + 1] as? ActivationLayer)?.function.fused
      {
        stages.append(.fused(dense, fused))
        index += 2
      } else {
        stages.append(.layer(layers[index]))
        index += 1
      }
    }
    self.stages = stages
  }

  /// A multilayer perceptron: dense layers of the given sizes with `activation` (and, when
  /// `dropout` is above 0, a `Dropout` of that probability) between them and nothing after the
  /// last, initialised from a generator seeded with `seed`.
  public static func mlp(
    inputs: Int, hidden: [Int], outputs: Int, activation: Activation = .relu, dropout: Float = 0,
    initialization: Initialization = .kaimingUniform, seed: UInt64 = 0
  ) throws(ModelError) -> Sequential {
    var generator = RandomGenerator(seed: seed)
    var layers: [any Layer] = []
    let sizes = [inputs] + hidden + [outputs]
    for index in 0..<(sizes.count - 1) {
      if index > 0 {
        layers.append(ActivationLayer(activation))
        if dropout > 0 { layers.append(try Dropout(probability: dropout)) }
      }
      layers.append(
        try Dense(
          inputSize: sizes[index], outputSize: sizes[index + 1], initialization: initialization,
          generator: &generator))
    }
    return try Sequential(inputFeatures: inputs, layers: layers)
  }

  /// Every parameter with its `state_dict` name (`0.weight`, `0.bias`, `2.weight`, …).
  public var namedParameters: [(name: String, parameter: Parameter)] {
    layers.enumerated().flatMap { index, layer in
      layer.parameters.map { ("\(index).\($0.name)", $0) }
    }
  }

  /// The parameters an optimizer updates: those not frozen.
  public var trainableParameters: [Parameter] { parameters.filter { !$0.isFrozen } }

  /// The number of values in all parameters.
  public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }

  /// The number of optimizer updates applied to this model by fit loops, so far.
  public internal(set) var updatesApplied = 0

  /// Runs the layers in order, or throws if `input` does not have the model's number of features.
  public func forward(_ input: Matrix, pass: inout ForwardPass) throws(ModelError) -> Matrix {
    Matrix(try forward(input.tensor, pass: &pass))
  }

  /// Runs the layers in order on a `[batch, features]` tensor, recording the graph for
  /// `backward()` when gradients are on (the engine's `GradientMode`); throws if `input` does not
  /// have the model's number of features.
  ///
  /// A dense layer followed by a relu, sigmoid or tanh layer runs as one fused engine operation;
  /// the numbers are the same as running them one after the other.
  public func forward(_ input: Tensor, pass: inout ForwardPass) throws(ModelError) -> Tensor {
    guard input.shape.rank == 2 else {
      throw ModelError("the model takes rows of features ([samples, features]), not \(input.shape)")
    }
    guard input.shape[1] == inputFeatures else {
      throw ModelError("the model takes \(inputFeatures) features, not \(input.shape[1])")
    }
    do {
      var output = input
      for stage in stages {
        switch stage {
        case .layer(let layer): output = try layer.forward(output, pass: &pass)
        case .fused(let dense, let activation):
          output = try dense.forward(output, activation: activation)
        }
      }
      return output
    } catch let error as ModelError {
      throw error
    } catch {
      throw ModelError("\(error)")
    }
  }

  /// The model's outputs for `input`, in evaluation mode (no dropout, running statistics, no
  /// graph recorded), or an error if `input` does not have the model's number of features.
  public func predict(_ input: Matrix) throws(ModelError) -> Matrix {
    var pass = ForwardPass.evaluation
    return try withoutGradients { () throws(ModelError) in try forward(input, pass: &pass) }
  }

  /// Throws unless every batch of `batchSize` from `count` samples can train the model: batch
  /// normalisation needs two or more samples per batch.
  func checkBatches(count: Int, batchSize: Int) throws(ModelError) {
    guard layers.contains(where: { $0 is BatchNorm }) else { return }
    let last = count % batchSize == 0 ? min(batchSize, count) : count % batchSize
    guard min(batchSize, count) > 1, last > 1 else {
      throw ModelError(
        "batch normalisation needs at least 2 samples in every batch, but \(count) samples in "
          + "batches of \(batchSize) leave a batch of 1; choose another batch size")
    }
  }

  /// Sets every parameter's gradient to zero.
  public func zeroGradients() {
    for parameter in parameters { parameter.zeroGradient() }
  }

  /// Freezes the layers at `indices` (all layers when nil): their parameters stop training.
  public func freeze(layers indices: [Int]? = nil) {
    setFrozen(true, indices)
  }

  /// Unfreezes the layers at `indices` (all layers when nil).
  public func unfreeze(layers indices: [Int]? = nil) {
    setFrozen(false, indices)
  }

  private func setFrozen(_ frozen: Bool, _ indices: [Int]?) {
    for index in indices ?? Array(layers.indices) where layers.indices.contains(index) {
      for parameter in layers[index].parameters { parameter.isFrozen = frozen }
    }
  }
}
