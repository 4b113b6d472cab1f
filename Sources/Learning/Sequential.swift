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
  }

  /// A multilayer perceptron: dense layers of the given sizes with `activation` between them and
  /// nothing after the last, initialised from a generator seeded with `seed`.
  public static func mlp(
    inputs: Int, hidden: [Int], outputs: Int, activation: Activation = .relu,
    initialization: Initialization = .kaimingUniform, seed: UInt64 = 0
  ) throws(ModelError) -> Sequential {
    var generator = RandomGenerator(seed: seed)
    var layers: [any Layer] = []
    let sizes = [inputs] + hidden + [outputs]
    for index in 0..<(sizes.count - 1) {
      if index > 0 { layers.append(ActivationLayer(activation)) }
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
    guard input.columns == inputFeatures else {
      throw ModelError("the model takes \(inputFeatures) features, not \(input.columns)")
    }
    return forwardUnchecked(input, pass: &pass)
  }

  /// `forward` for input already checked.
  func forwardUnchecked(_ input: Matrix, pass: inout ForwardPass) -> Matrix {
    var output = input
    for layer in layers { output = layer.forward(output, pass: &pass) }
    return output
  }

  /// The model's outputs for `input`, in evaluation mode (no dropout, running statistics), or
  /// an error if `input` does not have the model's number of features.
  public func predict(_ input: Matrix) throws(ModelError) -> Matrix {
    var pass = ForwardPass.evaluation
    return try forward(input, pass: &pass)
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

  /// Back-propagates ∂loss/∂output through the last forward pass, adding to each unfrozen
  /// parameter's gradient. Stops early below the last layer that has something to train.
  public func backward(_ outputGradient: Matrix) {
    guard let lowest = layers.firstIndex(where: { $0.parameters.contains { !$0.isFrozen } })
    else { return }
    var gradient = outputGradient
    for index in stride(from: layers.count - 1, through: lowest, by: -1) {
      let needsInput = index > lowest
      guard let next = layers[index].backward(gradient, needsInputGradient: needsInput) else {
        return
      }
      gradient = next
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
