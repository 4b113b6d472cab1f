import Learning

/// A layer as the language shows it: written the way it is built (`dense(2, 16)`, `relu()`,
/// `dropout(0.2)`), with its parameters as live tensors (`.weight`, `.bias`, each with `.grad`).
///
/// A layer taken from a model (`net.layers[0]`) knows its index there, which names its tensors as
/// PyTorch's `state_dict` does (`0.weight`); a layer not yet in a model names them `weight`.
public final class LayerObject: HostObject {
  /// The wrapped layer.
  public let layer: any Layer
  /// Its index in the model it was taken from, if any.
  public let index: Int?

  /// Wraps `layer`, at `index` of a model if it was taken from one.
  public init(_ layer: any Layer, index: Int? = nil) {
    self.layer = layer
    self.index = index
  }

  public var typeName: String { "layer" }

  /// How the layer is written in the language: `dense(2, 16)`, `leaky_relu(0.01)`.
  public var written: String { layerSpelling(layer) }

  /// `layer 0: dense(2, 16), 48 parameters`, with `frozen` when its parameters are.
  public var summary: String {
    let place = index.map { "layer \($0): " } ?? "layer "
    let count = layer.parameterCount
    guard count > 0 else { return place + written }
    let frozen = isFrozen ? ", frozen" : ""
    return place + written + ", \(count) " + (count == 1 ? "parameter" : "parameters") + frozen
  }

  /// The summary, then one line per parameter tensor with its statistics.
  public var display: String {
    ([summary] + tensors.map { "  " + $0.summary }).joined(separator: "\n")
  }

  /// Whether every parameter of the layer is frozen (false for a layer without parameters).
  public var isFrozen: Bool {
    !layer.parameters.isEmpty && layer.parameters.allSatisfy(\.isFrozen)
  }

  /// The layer's parameters as live tensors, named as in the model's `state_dict`.
  public var tensors: [TensorObject] {
    layer.parameters.map { TensorObject(name: tensorName($0.name), parameter: $0) }
  }

  private func tensorName(_ parameter: String) -> String {
    index.map { "\($0).\(parameter)" } ?? parameter
  }

  public var fieldNames: [String] {
    var names = ["type", "index", "parameters", "frozen"]
    names += layer.parameters.map(\.name)
    switch layer {
    case is Dense: names += ["inputs", "outputs"]
    case is BatchNorm: names += ["features", "running_mean", "running_var"]
    case is Dropout: names += ["p"]
    default: break
    }
    return names
  }

  public func field(named name: String) throws -> Value? {
    switch name {
    case "type": return .string(layerName(layer))
    case "index": return index.map { .number(Double($0)) } ?? Value.none
    case "parameters": return .number(Double(layer.parameterCount))
    case "frozen": return .bool(isFrozen)
    default: break
    }
    if let parameter = layer.parameters.first(where: { $0.name == name }) {
      return .host(TensorObject(name: tensorName(name), parameter: parameter))
    }
    switch (layer, name) {
    case (let dense as Dense, "inputs"): return .number(Double(dense.inputSize))
    case (let dense as Dense, "outputs"): return .number(Double(dense.outputSize))
    case (let norm as BatchNorm, "features"): return .number(Double(norm.features))
    case (let norm as BatchNorm, "running_mean"):
      return .host(
        TensorObject(
          name: tensorName("running_mean"), shape: [norm.features], values: norm.runningMean))
    case (let norm as BatchNorm, "running_var"):
      return .host(
        TensorObject(
          name: tensorName("running_var"), shape: [norm.features], values: norm.runningVariance))
    case (let dropout as Dropout, "p"): return .number(Double(dropout.probability))
    default: return nil
    }
  }
}

/// The name of a layer's built-in: `dense`, `relu`, `leaky_relu`, `dropout`, `batchnorm`.
func layerName(_ layer: any Layer) -> String {
  switch layer {
  case is Dense: "dense"
  case is Dropout: "dropout"
  case is BatchNorm: "batchnorm"
  case let activation as ActivationLayer: activationName(activation.function)
  default: layer.kind
  }
}

/// How a layer is written in the language: `dense(2, 16)`, `relu()`, `dropout(0.2)`.
func layerSpelling(_ layer: any Layer) -> String {
  func number(_ value: Float) -> String { NumberFormat.format(Double(value)) }
  switch layer {
  case let dense as Dense: return "dense(\(dense.inputSize), \(dense.outputSize))"
  case let dropout as Dropout: return "dropout(\(number(dropout.probability)))"
  case let norm as BatchNorm: return "batchnorm(\(norm.features))"
  case let activation as ActivationLayer:
    switch activation.function {
    case .leakyReLU(let slope): return "leaky_relu(\(number(slope)))"
    case .elu(let alpha): return "elu(\(number(alpha)))"
    default: return activationName(activation.function) + "()"
    }
  default: return layer.kind
  }
}

/// The language's name of an activation: `relu`, `leaky_relu`, `elu`, `sigmoid`, `tanh`,
/// `gelu`, `softplus`.
func activationName(_ function: Activation) -> String {
  switch function {
  case .relu: "relu"
  case .leakyReLU: "leaky_relu"
  case .elu: "elu"
  case .sigmoid: "sigmoid"
  case .tanh: "tanh"
  case .gelu: "gelu"
  case .softplus: "softplus"
  }
}
