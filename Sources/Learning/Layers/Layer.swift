import Engine

/// What a forward pass needs to know: whether it is training, and where random numbers come from.
///
/// Dropout is active and batch normalisation uses batch statistics only while `isTraining`.
/// Every random number a layer draws comes from `generator`, which belongs to the fit loop, so a
/// saved training state resumes the same masks.
public struct ForwardPass: Sendable {
  /// True while training, false for evaluation and prediction.
  public var isTraining: Bool
  /// The source of dropout masks.
  public var generator: RandomGenerator

  /// Creates a pass.
  public init(isTraining: Bool, generator: RandomGenerator = RandomGenerator(seed: 0)) {
    self.isTraining = isTraining
    self.generator = generator
  }

  /// An evaluation pass, which draws no random numbers.
  public static var evaluation: ForwardPass { ForwardPass(isTraining: false) }
}

/// A stage of a model that maps a batch of feature rows to a batch of output rows.
///
/// A layer's forward pass is made of the engine's differentiable operations on its parameters'
/// tensors, so the engine's reverse-mode autodiff back-propagates through it: a layer writes no
/// backward pass of its own. Its derivative is the one of the operations it uses, each documented
/// and gradient-checked in the engine.
public protocol Layer: AnyObject {
  /// The layer's name in summaries and PyTorch terms: "Linear", "ReLU", "Dropout".
  var kind: String { get }
  /// The number of output features for `inputs` input features, or an error if the layer cannot
  /// take that many.
  func outputFeatures(forInputs inputs: Int) throws(ModelError) -> Int
  /// The trainable parameters, in `state_dict` order.
  var parameters: [Parameter] { get }
  /// Saved values that are not trained (batch normalisation's running statistics), in
  /// `state_dict` order.
  var buffers: [NamedTensor] { get set }
  /// Maps `input` ([batch, features]) to the output, recording the graph when gradients are on;
  /// throws only if the input's shape does not fit (which `Sequential` checks beforehand).
  func forward(_ input: Tensor, pass: inout ForwardPass) throws -> Tensor
}

extension Layer {
  /// Layers without parameters have none.
  public var parameters: [Parameter] { [] }
  /// Layers without buffers have none.
  public var buffers: [NamedTensor] {
    get { [] }
    set {}
  }
  /// Layers that keep the number of features.
  public func outputFeatures(forInputs inputs: Int) throws(ModelError) -> Int { inputs }
  /// The number of trainable values.
  public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }
}
