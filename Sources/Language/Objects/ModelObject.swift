import Datasets
import Learning

/// A model as the language shows it: a `Sequential` of layers, its sizes and parameter count,
/// its layers (`net.layers[0]`, also `net[0]`) and a Keras-style summary table.
///
/// The wrapper is a class around the model itself, so `fit` trains the model every name bound to
/// it sees, as in PyTorch; `copy(net)` makes an independent one.
public final class ModelObject: HostObject {
  /// The wrapped model.
  public let model: Sequential
  /// The layers as language values, made once so that `net.layers[0]` is the same value each time.
  public let layerObjects: [LayerObject]
  /// The loss the model was last trained with (by `fit`, or by hand with `loss_of` or `step`),
  /// which tells `predict` whether its outputs are logits to turn into probabilities.
  public internal(set) var trainingLoss: Loss?

  /// Wraps `model`.
  public init(_ model: Sequential) {
    self.model = model
    self.layerObjects = model.layers.enumerated().map { LayerObject($1, index: $0) }
  }

  public var typeName: String { "model" }

  /// The sizes the data takes through the model: `2 → 64 → 64 → 1`.
  public var shapeText: String {
    var sizes = [model.inputFeatures]
    var features = model.inputFeatures
    for layer in model.layers {
      features = (try? layer.outputFeatures(forInputs: features)) ?? features
      if layer is Dense { sizes.append(features) }
    }
    if sizes.count == 1 { sizes.append(model.outputFeatures) }
    return sizes.map(String.init).joined(separator: " → ")
  }

  /// `model 2 → 64 → 64 → 1 (5 layers, 4417 parameters)`, noting frozen parameters.
  public var summary: String {
    let layers = model.layers.count == 1 ? "1 layer" : "\(model.layers.count) layers"
    let total = model.parameterCount
    let frozen = total - trainableCount
    let frozenText = frozen > 0 ? ", \(frozen) frozen" : ""
    return "model \(shapeText) (\(layers), \(total) parameters\(frozenText))"
  }

  /// The summary, then each layer as it is written.
  public var display: String {
    ([summary] + layerObjects.map { "  " + $0.summary }).joined(separator: "\n")
  }

  /// The number of parameter values that are not frozen.
  public var trainableCount: Int { model.trainableParameters.reduce(0) { $0 + $1.count } }

  public var fieldNames: [String] {
    [
      "layers", "inputs", "outputs", "parameters", "trainable", "frozen_layers", "updates",
      "summary",
    ]
  }

  public func field(named name: String) throws -> Value? {
    switch name {
    case "layers": .list(layerObjects.map { .host($0) })
    case "inputs": .number(Double(model.inputFeatures))
    case "outputs": .number(Double(model.outputFeatures))
    case "parameters": .number(Double(model.parameterCount))
    case "trainable": .number(Double(trainableCount))
    case "frozen_layers":
      .list(layerObjects.filter(\.isFrozen).compactMap(\.index).map { .number(Double($0)) })
    case "updates": .number(Double(model.updatesApplied))
    case "summary": .string(model.summary.description)
    default: nil
    }
  }

  /// `net[i]` is layer `i`; `len(net)` the number of layers.
  public var elementCount: Int? { layerObjects.count }

  public func element(at index: Int) throws -> Value { .host(layerObjects[index]) }
}

extension ModelObject {
  /// Throws a diagnostic at `argument` unless the model takes `dataset`'s number of features:
  /// "the first layer, dense(3, 16), cannot take data with 2 features".
  public func checkTakes(_ dataset: Dataset, argument: String) throws {
    guard model.inputFeatures != dataset.featureCount else { return }
    let first = layerObjects.first { $0.layer is Dense || $0.layer is BatchNorm }
    let layer = first.map { "the first layer, \($0.written)," } ?? "this model"
    throw CallError(
      "\(layer) cannot take data with \(dataset.featureCount) features",
      hint: "build the model with inputs: \(dataset.featureCount), or give it data with "
        + "\(model.inputFeatures) features", argument: argument)
  }
}
