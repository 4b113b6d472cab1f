import Engine

/// A fully connected layer: `y = x·Wᵀ + b`, PyTorch's `nn.Linear`.
///
/// The weight `W` is `[outputs, inputs]` and the bias `b` is `[outputs]`, as in PyTorch. The
/// forward pass is the engine's `linear`, one graph node whose backward, with `G` = ∂loss/∂y,
/// adds ∂W = Gᵀ·x and ∂b = Σ_rows G and passes on ∂x = G·W. A model runs an activation that
/// follows a dense layer inside the same node (`forward(_:activation:)`), as a fused kernel.
public final class Dense: Layer {
  /// The number of input features.
  public let inputSize: Int
  /// The number of output features.
  public let outputSize: Int
  /// The weight, `[outputSize, inputSize]`.
  public let weight: Parameter
  /// The bias, `[outputSize]`.
  public let bias: Parameter

  /// Creates a layer with weights drawn by `initialization` from `generator`; both sizes must be
  /// positive.
  public init(
    inputSize: Int, outputSize: Int, initialization: Initialization = .kaimingUniform,
    generator: inout RandomGenerator
  ) throws(ModelError) {
    guard inputSize > 0, outputSize > 0 else {
      throw ModelError(
        "a dense layer needs at least one input and one output, got \(inputSize) → \(outputSize)")
    }
    self.inputSize = inputSize
    self.outputSize = outputSize
    let weights = initialization.weights(
      fanIn: inputSize, fanOut: outputSize, generator: &generator)
    let biases = initialization.biases(fanIn: inputSize, fanOut: outputSize, generator: &generator)
    weight = Parameter(name: "weight", shape: [outputSize, inputSize], value: weights)
    bias = Parameter(name: "bias", shape: [outputSize], value: biases)
  }

  /// Creates a layer with weights drawn by `initialization` from a generator seeded with `seed`.
  public convenience init(
    inputSize: Int, outputSize: Int, initialization: Initialization = .kaimingUniform,
    seed: UInt64
  ) throws(ModelError) {
    var generator = RandomGenerator(seed: seed)
    try self.init(
      inputSize: inputSize, outputSize: outputSize, initialization: initialization,
      generator: &generator)
  }

  /// "Linear", PyTorch's name.
  public var kind: String { "Linear" }
  /// The weight and the bias.
  public var parameters: [Parameter] { [weight, bias] }

  /// `outputSize`, if `inputs` is `inputSize`.
  public func outputFeatures(forInputs inputs: Int) throws(ModelError) -> Int {
    guard inputs == inputSize else {
      throw ModelError(
        "a dense layer made for \(inputSize) inputs cannot take data with \(inputs) features")
    }
    return outputSize
  }

  /// `x·Wᵀ + b`.
  public func forward(_ input: Tensor, pass: inout ForwardPass) throws -> Tensor {
    try forward(input, activation: .identity)
  }

  /// f(x·Wᵀ + b) for an activation f the engine fuses into the product (identity, relu,
  /// sigmoid, tanh).
  func forward(_ input: Tensor, activation: FusedActivation) throws -> Tensor {
    try linear(input, weight: weight.tensor, bias: bias.tensor, activation: activation)
  }
}
